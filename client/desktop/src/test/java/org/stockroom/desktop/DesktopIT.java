package org.stockroom.desktop;

import org.assertj.swing.core.BasicRobot;
import org.assertj.swing.core.Robot;
import org.assertj.swing.core.matcher.JButtonMatcher;
import org.assertj.swing.data.TableCell;
import org.assertj.swing.edt.FailOnThreadViolationRepaintManager;
import org.assertj.swing.edt.GuiActionRunner;
import org.assertj.swing.exception.WaitTimedOutError;
import org.assertj.swing.finder.JOptionPaneFinder;
import org.assertj.swing.finder.WindowFinder;
import org.assertj.swing.fixture.DialogFixture;
import org.assertj.swing.fixture.FrameFixture;
import org.assertj.swing.fixture.JOptionPaneFixture;
import org.assertj.swing.fixture.JProgressBarFixture;
import org.assertj.swing.fixture.JTableFixture;
import org.assertj.swing.timing.Condition;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.stockroom.client.StockroomClient;
import org.stockroom.client.model.NewLocation;
import org.stockroom.client.model.NewMovement;
import org.stockroom.client.model.NewProduct;
import org.stockroom.client.model.NewPurchaseOrder;
import org.stockroom.client.model.NewReceipt;
import org.stockroom.client.model.NewStocktake;
import org.stockroom.client.model.StockQuery;
import org.stockroom.fault.TcpProxy;
import org.stockroom.security.Role;
import org.stockroom.testing.StockroomTestServer;

import javax.imageio.ImageIO;
import javax.swing.JLabel;
import javax.swing.JMenuItem;
import javax.swing.JTable;
import javax.swing.SwingUtilities;
import javax.swing.text.JTextComponent;
import java.math.BigDecimal;
import java.awt.Component;
import java.awt.event.KeyEvent;
import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.prefs.BackingStoreException;
import java.util.prefs.Preferences;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.swing.timing.Pause.pause;
import static org.assertj.swing.timing.Timeout.timeout;

/**
 * The desktop client's real window, driven like a person would (AssertJ Swing), against the
 * real server and database. The client reaches the server through a TCP proxy, so that the
 * test can take the server away and see the window say so.
 */
class DesktopIT {

    private static final Path SCREENSHOTS = Path.of(System.getProperty("stockroom.screenshots", "target/screenshots"));

    private static TcpProxy proxy;
    private static String server;

    private Robot robot;
    private Preferences preferences;
    private FrameFixture window;
    private String suffix;

    @BeforeAll
    static void startServer() throws IOException {
        proxy = new TcpProxy(StockroomTestServer.baseUri().getPort());
        server = "http://127.0.0.1:" + proxy.port();
        FailOnThreadViolationRepaintManager.install();  // any Swing call off the event thread fails the test
    }

    @AfterAll
    static void stopProxy() throws IOException {
        proxy.close();
    }

    @BeforeEach
    void openTheApplication() {
        suffix = UUID.randomUUID().toString().substring(0, 6).toUpperCase(Locale.ROOT);
        preferences = Preferences.userRoot().node("stockroom-desktop-test-" + suffix);
        robot = BasicRobot.robotWithNewAwtHierarchy();
        robot.settings().delayBetweenEvents(20);
        GuiActionRunner.execute(() -> Theme.apply(false));
    }

    @AfterEach
    void closeTheApplication() throws BackingStoreException {
        proxy.restore();
        if (window != null) {
            window.cleanUp();
        }
        robot.cleanUp();
        preferences.removeNode();
    }

    @Test
    void logInCreateAProductReceiveStockRefuseAnOverIssueAndShowALostServer() throws Exception {
        String location = "BIN-" + suffix;
        try (StockroomClient admin = adminClient()) {
            admin.locations().create(new NewLocation(location, "Bin " + suffix));
            // Neighbours for the pictures: a few products in stock, one below its reorder point.
            seed(admin, "CABLE-" + suffix, "Power cable 2 m", "Electrical", 20, 12, location);
            seed(admin, "BULB-" + suffix, "LED bulb E27", "Lighting", 10, 4, location);
            seed(admin, "SCREW-" + suffix, "Wood screw 4x40", "Fasteners", 200, 1500, location);
        }

        // Log in as a manager: the server is remembered for next time, the password is not.
        DesktopSettings settings = new DesktopSettings(preferences);
        SwingUtilities.invokeLater(() -> StockroomDesktop.logIn(settings));
        DialogFixture login = WindowFinder.findDialog("login").withTimeout(10_000).using(robot);
        login.textBox("server").setText(server);
        login.textBox("username").setText(StockroomTestServer.testUser(Role.MANAGER));
        login.textBox("password").setText(StockroomTestServer.TEST_USER_PASSWORD);
        screenshot(login.target(), "desktop-login.png");
        logIn(login);
        window = WindowFinder.findFrame("main").withTimeout(15_000).using(robot);
        assertThat(settings.server()).isEqualTo(server);
        assertThat(preferences.keys()).doesNotContain("password");
        window.label("user").requireText(StockroomTestServer.testUser(Role.MANAGER) + " (manager) at " + server);
        window.label("connectionState").requireText("\u25CF Connected");

        // Create a product.
        String sku = "DESK-" + suffix;
        window.button("newProduct").click();
        DialogFixture newProduct = WindowFinder.findDialog("ProductDialog").withTimeout(5_000).using(robot);
        newProduct.textBox("sku").setText(sku);
        newProduct.textBox("name").setText("Desk lamp " + suffix);
        newProduct.textBox("category").setText("Lighting");
        newProduct.textBox("reorderPoint").setText("5");
        newProduct.button("ok").click();
        awaitClosed(newProduct);
        JTableFixture products = window.table("products");
        awaitTrue("the new product listed and selected", () -> products.rowCount() == 1
                && sku.equals(products.valueAt(TableCell.row(0).column(0))));
        products.selectRows(0);

        // Receive 10 and see the level change.
        window.button("receive").click();
        DialogFixture receive = WindowFinder.findDialog("MovementDialog").withTimeout(5_000).using(robot);
        receive.textBox("sku").requireText(sku);
        receive.textBox("quantity").setText("10");
        receive.comboBox("to").replaceText(location);
        receive.textBox("reference").setText("PO-" + suffix);
        screenshot(receive.target(), "desktop-receive.png");
        receive.button("ok").click();
        awaitClosed(receive);
        JTableFixture stock = window.table("stock");
        awaitTrue("10 on hand at " + location, () -> stock.rowCount() == 1
                && stock.contents()[0][0].equals(location) && stock.contents()[0][1].equals("10"));
        search(window, suffix);
        awaitTrue("the product and its neighbours listed", () -> products.rowCount() == 4);
        products.selectRows(rowOf(products, sku));
        awaitTrue("10 on hand at " + location, () -> stock.rowCount() == 1 && stock.contents()[0][1].equals("10"));
        screenshot(window.target(), "desktop-main.png");

        // Try to issue 11: refused, with the server's reason and figure in the dialog.
        window.button("issue").click();
        DialogFixture issue = WindowFinder.findDialog("MovementDialog").withTimeout(5_000).using(robot);
        issue.textBox("quantity").setText("11");
        issue.comboBox("from").replaceText(location);
        issue.button("ok").click();
        awaitTrue("the refusal shown in the dialog", () -> issue.textBox("message").text().contains("Insufficient stock"));
        assertThat(issue.textBox("message").text()).contains(sku, location, "10 on hand", "11 requested");
        screenshot(issue.target(), "desktop-refused.png");
        issue.button("cancel").click();
        awaitTrue("still 10 on hand", () -> stock.contents()[0][1].equals("10"));

        // A change by another client shows without any action here.
        try (StockroomClient clerk = StockroomClient.builder().server(StockroomTestServer.baseUri())
                .bearerToken(StockroomTestServer.tokenOf(Role.CLERK)).build()) {
            clerk.movements().record(NewMovement.issue(sku, BigDecimal.valueOf(3), location, null, null));
        }
        awaitTrue("the other client's issue shown", () -> stock.contents()[0][1].equals("7"));
        awaitTrue("the product's total updated too", () -> products.contents()[rowOf(products, sku)][3].equals("7"));

        // Lose the server: the status bar says so, and recovers when it is back.
        proxy.cut();
        window.button("refresh").click();
        awaitTrue("the status bar saying the server is unavailable",
                () -> label(window, "connectionState").contains("Server unavailable"));
        screenshot(window.target(), "desktop-server-unavailable.png");
        proxy.restore();
        awaitTrue("the status bar saying connected again", () -> label(window, "connectionState").contains("Connected"));
    }

    /**
     * The selected product's stock follows the live stream: with polling set to once a minute, only
     * the stream can explain a movement made through the API showing within seconds. When the stream
     * drops, the status bar says the window polls; when it is back, what was recorded meanwhile shows.
     */
    @Test
    void aMovementMadeThroughTheApiShowsWithoutWaitingForAPollAndAfterTheStreamWasDown() throws Exception {
        String sku = "LIVE-" + suffix;
        String location = "BIN-L-" + suffix;
        try (StockroomClient admin = adminClient()) {
            admin.locations().create(new NewLocation(location, "Bin " + suffix));
            seed(admin, sku, "Cordless drill 18 V", "Tools", 4, 10, location);
            seed(admin, "SAW-" + suffix, "Jigsaw blades, 5 pack", "Tools", 10, 25, location);
            seed(admin, "TAPE-" + suffix, "Measuring tape 5 m", "Tools", 6, 3, location);
        }
        new DesktopSettings(preferences).setPollMillis(60_000);
        window = logInAs(Role.VIEWER);
        awaitTrue("the status bar saying live", () -> label(window, "updates").contains("Live updates"));
        JTableFixture products = window.table("products");
        search(window, suffix);
        awaitTrue("the product and its neighbours listed", () -> products.rowCount() == 3);
        products.selectRows(rowOf(products, sku));
        JTableFixture stock = window.table("stock");
        awaitTrue("10 on hand", () -> stock.rowCount() == 1 && stock.contents()[0][1].equals("10"));

        long recorded;
        try (StockroomClient clerk = clerkClient()) {
            clerk.movements().record(NewMovement.issue(sku, BigDecimal.valueOf(3), location, null, "JOB-" + suffix));
            recorded = System.nanoTime();
        }
        awaitTrue("the issue shown", () -> stock.contents()[0][1].equals("7"));
        awaitTrue("the product's total too", () -> products.contents()[rowOf(products, sku)][3].equals("7"));
        long shownAfterMillis = (System.nanoTime() - recorded) / 1_000_000;
        assertThat(shownAfterMillis).as("ms from the API's answer to the window showing it (polls: every 60 s)")
                .isLessThan(3_000);
        assertThat(label(window, "statusMessage")).contains("issue of 3", sku, StockroomTestServer.testUser(Role.CLERK));
        screenshot(window.target(), "desktop-live.png");

        proxy.cut();
        awaitTrue("the status bar saying polling", () -> label(window, "updates").contains("Polling every 60 s"));
        try (StockroomClient clerk = clerkClient()) {  // straight to the server: this window's stream is down
            clerk.movements().record(NewMovement.issue(sku, BigDecimal.valueOf(2), location, null, null));
        }
        proxy.restore();
        awaitTrue("live again", () -> label(window, "updates").contains("Live updates"));
        awaitTrue("the issue made while the stream was down shown", () -> stock.contents()[0][1].equals("5"));
    }

    @Test
    void aLotTrackedProductIsReceivedIntoALotAndItsLotsShowWithExpiryShaded() throws Exception {
        String location = "COLD-" + suffix;
        String sku = "MILK-" + suffix;
        LocalDate today = LocalDate.now();
        try (StockroomClient admin = adminClient()) {
            admin.locations().create(new NewLocation(location, "Cold store " + suffix));
            admin.products().create(new NewProduct(sku, "Whole milk 1 l", null, "pcs", "Dairy", BigDecimal.valueOf(12))
                    .withLotTracked(true));
            admin.movements().record(NewMovement.receive(sku, BigDecimal.valueOf(4), location, null, "PO-OLD")
                    .withLot("L-0412").withExpiresOn(today.minusDays(3)));
            admin.movements().record(NewMovement.receive(sku, BigDecimal.valueOf(18), location, null, "PO-SOON")
                    .withLot("L-0419").withExpiresOn(today.plusDays(6)));
        }
        window = logInAs(Role.CLERK);
        JTableFixture products = window.table("products");
        search(window, sku);
        awaitTrue("the product listed", () -> products.rowCount() == 1);
        products.selectRows(0);

        // Receive into a new lot: the lot fields are there for a lot-tracked product.
        window.button("receive").click();
        DialogFixture receive = WindowFinder.findDialog("MovementDialog").withTimeout(5_000).using(robot);
        receive.textBox("sku").requireText(sku);
        awaitTrue("the lot fields enabled", () -> receive.textBox("lot").target().isEnabled()
                && receive.textBox("expiresOn").target().isEnabled());
        receive.textBox("quantity").setText("24");
        receive.comboBox("to").replaceText(location);
        receive.button("ok").click();
        awaitTrue("the missing lot named", () -> receive.textBox("message").text().contains("Enter the lot"));
        receive.textBox("lot").setText("L-0503");
        receive.textBox("expiresOn").setText(today.plusDays(120).toString());
        receive.textBox("reference").setText("PO-" + suffix);
        JTextComponent message = receive.textBox("message").target();
        GuiActionRunner.execute(() -> message.setText(""));  // the picture shows the form, not the last complaint
        screenshot(receive.target(), "desktop-receive-lot.png");
        receive.button("ok").click();
        awaitClosed(receive);

        window.tabbedPane("detailsTabs").selectTab("Lots");
        JTableFixture lots = window.table("lots");
        awaitTrue("three lots, first expiry first", () -> lots.rowCount() == 3
                && lots.contents()[2][1].equals("L-0503"));
        assertThat(lots.contents()[0]).containsExactly(location, "L-0412", today.minusDays(3).toString(), "expired", "4");
        assertThat(lots.contents()[1]).containsExactly(location, "L-0419", today.plusDays(6).toString(),
                "in 6 days", "18");
        assertThat(lots.contents()[2]).containsExactly(location, "L-0503", today.plusDays(120).toString(), "", "24");
        assertThat(lots.backgroundAt(TableCell.row(0).column(1)).target())
                .isNotEqualTo(lots.backgroundAt(TableCell.row(2).column(1)).target());
        assertThat(lots.backgroundAt(TableCell.row(1).column(1)).target())
                .isNotEqualTo(lots.backgroundAt(TableCell.row(2).column(1)).target())
                .isNotEqualTo(lots.backgroundAt(TableCell.row(0).column(1)).target());
        screenshot(window.target(), "desktop-lots.png");

        // Issue without naming a lot: the first to expire that has not expired.
        window.button("issue").click();
        DialogFixture issue = WindowFinder.findDialog("MovementDialog").withTimeout(5_000).using(robot);
        awaitTrue("the lot field enabled", () -> issue.textBox("lot").target().isEnabled());
        issue.textBox("quantity").setText("5");
        issue.comboBox("from").replaceText(location);
        issue.button("ok").click();
        awaitClosed(issue);
        awaitTrue("5 taken from L-0419", () -> lots.rowCount() == 3 && lots.contents()[1][4].equals("13"));
    }

    @Test
    void theLotFieldsAreOffForAProductWithoutLotsAndANewProductCanBeLotTracked() {
        String location = "BIN-" + suffix;
        String bolt = "BOLT-" + suffix;
        String yogurt = "YOGURT-" + suffix;
        try (StockroomClient admin = adminClient()) {
            admin.locations().create(new NewLocation(location, "Bin " + suffix));
            admin.products().create(NewProduct.of(bolt, "Bolt"));
            admin.products().create(NewProduct.of(yogurt, "Yogurt").withLotTracked(true));
        }
        window = logInAs(Role.MANAGER);

        window.button("receive").click();
        DialogFixture receive = WindowFinder.findDialog("MovementDialog").withTimeout(5_000).using(robot);
        receive.textBox("sku").setText(yogurt);
        awaitTrue("the lot fields on for a lot-tracked product", () -> receive.textBox("lot").target().isEnabled()
                && receive.textBox("expiresOn").target().isEnabled());
        receive.textBox("sku").setText(bolt);
        awaitTrue("the lot fields off for a product without lots", () -> !receive.textBox("lot").target().isEnabled()
                && !receive.textBox("expiresOn").target().isEnabled());
        receive.button("cancel").click();

        String milk = "CREAM-" + suffix;
        window.button("newProduct").click();
        DialogFixture newProduct = WindowFinder.findDialog("ProductDialog").withTimeout(5_000).using(robot);
        newProduct.textBox("sku").setText(milk);
        newProduct.textBox("name").setText("Cream");
        newProduct.checkBox("lotTracked").check();
        newProduct.button("ok").click();
        awaitClosed(newProduct);
        try (StockroomClient admin = adminClient()) {
            assertThat(admin.products().get(milk).value().lotTracked()).isTrue();
        }
    }

    @Test
    void aViewerSeesStockButMayNotMoveItOrEditTheCatalogue() {
        DesktopSettings settings = new DesktopSettings(preferences);
        settings.setServer(server);
        SwingUtilities.invokeLater(() -> StockroomDesktop.logIn(settings));
        DialogFixture login = WindowFinder.findDialog("login").withTimeout(10_000).using(robot);
        login.textBox("server").requireText(server);
        login.textBox("username").setText(StockroomTestServer.testUser(Role.VIEWER));
        login.textBox("password").setText(StockroomTestServer.TEST_USER_PASSWORD);
        logIn(login);
        window = WindowFinder.findFrame("main").withTimeout(15_000).using(robot);

        window.button("refresh").requireEnabled();
        for (String action : new String[] {"receive", "issue", "transfer", "adjust", "stocktake", "newProduct",
                "newLocation"}) {
            window.button(action).requireDisabled();
        }
        window.button("reservations").requireEnabled().click();
        DialogFixture reservations = WindowFinder.findDialog("ReservationsDialog").withTimeout(5_000).using(robot);
        reservations.button("reserve").requireDisabled();
        reservations.button("releaseReservation").requireDisabled();
        reservations.button("closeReservations").click();
        window.tabbedPane("tabs").selectTab("Purchase orders");
        window.button("receiveDelivery").requireDisabled();
    }

    @Test
    void aClerkReceivesADeliveryAgainstAPurchaseOrderAndIsToldOfAnOverReceipt() throws Exception {
        String dock = "DOCK-" + suffix;
        String bolt = "BOLT-" + suffix;
        String nut = "NUT-" + suffix;
        String number = "PO-" + suffix;
        try (StockroomClient admin = adminClient()) {
            admin.locations().create(new NewLocation(dock, "Loading dock " + suffix));
            admin.products().create(new NewProduct(bolt, "Hex bolt M8x40", null, "pcs", "Fasteners", BigDecimal.ZERO));
            admin.products().create(new NewProduct(nut, "Hex nut M8", null, "pcs", "Fasteners", BigDecimal.ZERO));
            // Neighbours for the picture: one received, one still open.
            admin.purchaseOrders().create(new NewPurchaseOrder("PO-" + suffix + "-A", "Northwind Tools",
                    LocalDate.of(2026, 11, 30), null, null, List.of(new NewPurchaseOrder.Line(nut, BigDecimal.valueOf(50)))));
            admin.purchaseOrders().receive("PO-" + suffix + "-A", new NewReceipt(dock,
                    List.of(new NewReceipt.Line(nut, BigDecimal.valueOf(50))), null));
            admin.purchaseOrders().create(new NewPurchaseOrder(number, "Acme Fasteners", LocalDate.of(2026, 12, 15),
                    null, null, List.of(new NewPurchaseOrder.Line(bolt, BigDecimal.valueOf(100)),
                    new NewPurchaseOrder.Line(nut, BigDecimal.valueOf(250)))));
            admin.purchaseOrders().receive(number, new NewReceipt(dock,
                    List.of(new NewReceipt.Line(bolt, BigDecimal.valueOf(40))), "DN-1"));
        }
        window = logInAs(Role.CLERK);

        window.tabbedPane("tabs").selectTab("Purchase orders");
        JTableFixture orders = window.table("purchaseOrders");
        awaitTrue("the order listed", () -> rowOf(orders, number) >= 0);
        orders.selectRows(rowOf(orders, number));
        JTableFixture lines = window.table("purchaseOrderLines");
        awaitTrue("its lines: 40 of 100 bolts received, 60 outstanding", () -> lines.rowCount() == 2
                && lines.contents()[0][0].equals(bolt) && lines.contents()[0][3].equals("40")
                && lines.contents()[0][4].equals("60") && lines.contents()[1][4].equals("250"));
        awaitTrue("Receive enabled for the open order", () -> window.button("receiveDelivery").target().isEnabled());
        screenshot(window.target(), "desktop-purchase-orders.png");

        window.button("receiveDelivery").click();
        DialogFixture receive = WindowFinder.findDialog("ReceiveDialog").withTimeout(5_000).using(robot);
        receive.comboBox("location").replaceText(dock);
        receive.textBox("reference").setText("DN-2");
        JTableFixture arrived = receive.table("receiptLines");
        arrived.enterValue(TableCell.row(0).column(4), "60");
        arrived.enterValue(TableCell.row(1).column(4), "260");
        screenshot(receive.target(), "desktop-purchase-receive.png");
        receive.button("ok").click();
        awaitTrue("the over-receipt shown in the dialog",
                () -> receive.textBox("message").text().contains("expects 250 more of " + nut));
        receive.requireVisible();

        arrived.enterValue(TableCell.row(1).column(4), "250");
        receive.button("ok").click();
        awaitClosed(receive);
        awaitTrue("everything received", () -> lines.contents()[0][3].equals("100")
                && lines.contents()[1][3].equals("250") && lines.contents()[1][4].equals("0"));
        awaitTrue("the order RECEIVED, no more receiving",
                () -> orders.contents()[rowOf(orders, number)][2].equals("RECEIVED")
                        && !window.button("receiveDelivery").target().isEnabled());
        try (StockroomClient admin = adminClient()) {
            assertThat(admin.stock().levels(new StockQuery(bolt, dock, null, 10, null)).items().getFirst().onHand())
                    .isEqualByComparingTo("100");
            assertThat(admin.purchaseOrders().get(number).value().receipts()).hasSize(2);
        }
    }

    @Test
    void scrollingToTheEndLoadsTheNextPageOfProducts() {
        String prefix = "PAGE-" + suffix + "-";
        try (StockroomClient admin = adminClient()) {
            for (int i = 0; i < 130; i++) {
                admin.products().create(NewProduct.of(prefix + String.format("%03d", i), "Paged " + i));
            }
        }
        window = logInAs(Role.VIEWER);
        JTableFixture products = window.table("products");
        search(window, prefix);
        // The window's first listing (no search yet) also fills 100 rows: wait for the search's own.
        awaitTrue("the first page of 100", () -> products.rowCount() == 100
                && products.contents()[0][0].startsWith(prefix) && products.contents()[99][0].startsWith(prefix));

        JTable table = products.target();
        GuiActionRunner.execute(() -> table.scrollRectToVisible(table.getCellRect(table.getRowCount() - 1, 0, true)));

        awaitTrue("all 130 after scrolling to the end", () -> products.rowCount() == 130);
        assertThat(products.contents()[129][0]).isEqualTo(prefix + "129");
    }

    @Test
    void aFormSaysWhatIsWrongBeforeSendingAnything() {
        window = logInAs(Role.CLERK);
        window.button("receive").click();
        DialogFixture receive = WindowFinder.findDialog("MovementDialog").withTimeout(5_000).using(robot);
        receive.textBox("quantity").setText("ten");
        receive.button("ok").click();

        assertThat(receive.textBox("message").text())
                .startsWith("Enter the product's SKU.\nThe quantity must be a number, such as 12 or 2.5.");
        receive.requireVisible();
        receive.button("cancel").click();
    }

    @Test
    void anEditConflictOffersToLoadTheOtherVersion() {
        String sku = "EDIT-" + suffix;
        try (StockroomClient admin = adminClient()) {
            admin.products().create(new NewProduct(sku, "Original name", null, "pcs", "Tools", BigDecimal.valueOf(2)));
        }
        window = logInAs(Role.MANAGER);
        JTableFixture products = window.table("products");
        search(window, sku);
        awaitTrue("the product listed", () -> products.rowCount() == 1);
        products.selectRows(0);
        window.button("editProduct").click();
        DialogFixture edit = WindowFinder.findDialog("ProductDialog").withTimeout(5_000).using(robot);
        edit.textBox("name").requireText("Original name");

        // Someone else saves the product while the form is open.
        try (StockroomClient admin = adminClient()) {
            var current = admin.products().get(sku);
            admin.products().update(sku, current.value().changes().withName("Changed elsewhere"), current.etag());
        }
        edit.textBox("name").setText("My edit");
        edit.button("ok").click();

        JOptionPaneFixture question = JOptionPaneFinder.findOptionPane().withTimeout(10_000).using(robot);
        question.requireMessage("Someone else changed this product after you opened it.\n"
                + "Load their version? Your edits will be lost.");
        question.yesButton().click();
        awaitTrue("their version loaded", () -> edit.textBox("name").text().equals("Changed elsewhere"));
        assertThat(edit.textBox("message").text()).contains("Loaded the current version");
        edit.button("cancel").click();
    }

    @Test
    void aWrongPasswordIsRefusedInTheDialog() {
        DesktopSettings settings = new DesktopSettings(preferences);
        SwingUtilities.invokeLater(() -> StockroomDesktop.logIn(settings));
        DialogFixture login = WindowFinder.findDialog("login").withTimeout(10_000).using(robot);
        login.textBox("server").setText(server);
        login.textBox("username").setText(StockroomTestServer.testUser(Role.CLERK));
        login.textBox("password").setText("not the password");
        logIn(login);

        awaitTrue("the refusal shown", () -> login.textBox("message").text().contains("Wrong user name or password"));
        login.requireVisible();
        login.button(JButtonMatcher.withText("Cancel")).click();
    }

    private static StockroomClient clerkClient() {
        return StockroomClient.builder().server(StockroomTestServer.baseUri())
                .bearerToken(StockroomTestServer.tokenOf(Role.CLERK)).build();
    }

    @Test
    void aClerkCountsALocationAndSeesTheDifferences() throws Exception {
        String shelf = "SHELF-" + suffix;
        String cable = "CABLE-" + suffix;
        String bulb = "BULB-" + suffix;
        String screw = "SCREW-" + suffix;
        String fuse = "FUSE-" + suffix;
        try (StockroomClient admin = adminClient()) {
            admin.locations().create(new NewLocation(shelf, "Shelf " + suffix));
            admin.locations().create(new NewLocation("OTHER-" + suffix, "Elsewhere " + suffix));
            seed(admin, cable, "Power cable 2 m", "Electrical", 20, 12, shelf);
            seed(admin, bulb, "LED bulb E27", "Lighting", 10, 4, shelf);
            seed(admin, screw, "Wood screw 4x40", "Fasteners", 200, 1500, shelf);
            seed(admin, fuse, "Fuse 10 A", "Electrical", 5, 8, "OTHER-" + suffix);  // found on the shelf
        }
        window = logInAs(Role.CLERK);

        window.button("stocktake").click();
        DialogFixture stocktake = WindowFinder.findDialog("StocktakeDialog").withTimeout(5_000).using(robot);
        stocktake.comboBox("stocktakeLocation").replaceText(shelf);
        stocktake.button("startStocktake").click();
        JTableFixture lines = stocktake.table("stocktakeLines");
        awaitTrue("the products on the shelf listed", () -> lines.rowCount() == 3
                && label(stocktake, "stocktakeStatus").contains(": open, 0 of 3 counted"));
        assertThat(java.util.Arrays.stream(lines.contents()).map(row -> row[0])).containsExactly(bulb, cable, screw);

        enterCount(lines, rowOf(lines, cable), "11");
        awaitTrue("the cable's difference", () -> lines.contents()[rowOf(lines, cable)][4].equals("-1"));
        enterCount(lines, rowOf(lines, screw), "1500");
        awaitTrue("the screws' difference", () -> lines.contents()[rowOf(lines, screw)][4].equals("0"));
        stocktake.textBox("otherSku").setText(fuse);
        stocktake.textBox("otherCounted").setText("2");
        stocktake.button("countOther").click();
        awaitTrue("the fuse found", () -> lines.rowCount() == 4 && lines.contents()[rowOf(lines, fuse)][4].equals("+2"));

        String[] cableRow = lines.contents()[rowOf(lines, cable)];
        assertThat(cableRow).containsExactly(cable, "Power cable 2 m", "11", "12", "-1");
        assertThat(lines.contents()[rowOf(lines, bulb)]).containsExactly(bulb, "LED bulb E27", "", "", "");
        assertThat(label(stocktake, "stocktakeStatus")).endsWith(": open, 3 of 4 counted");
        stocktake.button("postStocktake").requireDisabled();
        stocktake.button("cancelStocktake").requireEnabled();
        screenshot(stocktake.target(), "desktop-stocktake.png");

        // A count that is no count is refused before anything is sent, in a dialog.
        enterCount(lines, rowOf(lines, bulb), "four");
        JOptionPaneFixture refused = JOptionPaneFinder.findOptionPane().withTimeout(10_000).using(robot);
        refused.requireErrorMessage().requireMessage(
                "'four' is not a count: type how many are there, e.g. 12 (or 0 for none).");
        refused.okButton().click();
        stocktake.button("closeStocktake").click();
    }

    @Test
    void aClerkReservesStockForAnOrderSeesItHeldAndReleasesIt() throws Exception {
        String shelf = "SHELF-" + suffix;
        String cable = "CABLE-" + suffix;
        try (StockroomClient admin = adminClient()) {
            admin.locations().create(new NewLocation(shelf, "Shelf " + suffix));
            seed(admin, cable, "Power cable 2 m", "Electrical", 5, 12, shelf);
            seed(admin, "BULB-" + suffix, "LED bulb E27", "Lighting", 10, 4, shelf);
        }
        window = logInAs(Role.CLERK);
        search(window, cable);
        JTableFixture products = window.table("products");
        awaitTrue("the cable listed", () -> products.rowCount() == 1);
        products.selectRows(0);
        JTableFixture stock = window.table("stock");
        awaitTrue("12 on hand, none reserved", () -> stock.rowCount() == 1
                && java.util.Arrays.equals(stock.contents()[0], new String[] {shelf, "12", "0", "12"}));

        window.button("reservations").click();
        DialogFixture reservations = WindowFinder.findDialog("ReservationsDialog").withTimeout(5_000).using(robot);
        reservations.textBox("reservationSku").requireText(cable);
        reservations.comboBox("reservationLocation").replaceText(shelf);
        reservations.textBox("reservationQuantity").setText("5");
        reservations.textBox("reservationReference").setText("SO-" + suffix);
        reservations.textBox("reservationExpires").setText(java.time.LocalDate.now().plusDays(14).toString());
        reservations.button("reserve").click();
        JTableFixture held = reservations.table("reservations");
        awaitTrue("the reservation listed", () -> held.rowCount() == 1
                && held.contents()[0][4].equals("5") && held.contents()[0][5].equals("open"));
        awaitTrue("5 of the 12 reserved in the main window", () ->
                java.util.Arrays.equals(stock.contents()[0], new String[] {shelf, "12", "5", "7"}));
        assertThat(label(reservations, "reservationsStatus")).startsWith("Reserved 5 " + cable + " at " + shelf);
        // Cut at the dialog's edge when long, so its tooltip holds all of it.
        assertThat(GuiActionRunner.execute(() -> reservations.robot().finder()
                .findByName(reservations.target(), "reservationsStatus", JLabel.class).getToolTipText()))
                .isEqualTo(label(reservations, "reservationsStatus"));

        // More than is available: refused, with the server's figures, in a dialog.
        reservations.textBox("reservationQuantity").setText("8");
        reservations.textBox("reservationReference").setText("SO-2-" + suffix);
        reservations.button("reserve").click();
        JOptionPaneFixture refused = JOptionPaneFinder.findOptionPane().withTimeout(10_000).using(robot);
        refused.requireErrorMessage();
        assertThat(refused.target().getMessage().toString()).contains("5 of it reserved", "7 available");
        refused.okButton().click();
        // Set directly: with no window manager on Xvfb, focus may not come back to the dialog after the message.
        JTextComponent amount = reservations.textBox("reservationQuantity").target();
        javax.swing.JButton reserve = reservations.button("reserve").target();
        GuiActionRunner.execute(() -> {
            amount.setText("2");
            reserve.doClick();
            return null;
        });
        awaitTrue("two reservations listed", () -> held.rowCount() == 2);
        awaitTrue("7 reserved", () -> stock.contents()[0][2].equals("7"));
        screenshot(reservations.target(), "desktop-reservations.png");

        held.selectRows(rowOf(held, "SO-" + suffix, 2));
        javax.swing.JButton release = reservations.button("releaseReservation").requireEnabled().target();
        GuiActionRunner.execute(() -> {
            release.doClick();
            return null;
        });
        awaitTrue("the first one released", () -> held.contents()[rowOf(held, "SO-" + suffix, 2)][5].equals("released"));
        awaitTrue("only the second holds stock", () ->
                java.util.Arrays.equals(stock.contents()[0], new String[] {shelf, "12", "2", "10"}));
        String second = held.contents()[rowOf(held, "SO-2-" + suffix, 2)][0];
        GuiActionRunner.execute(() -> {
            reservations.target().dispose();
            return null;
        });

        // The order ships: an issue against the second reservation takes its 2 out of it.
        window.button("issue").click();
        DialogFixture issue = WindowFinder.findDialog("MovementDialog").withTimeout(5_000).using(robot);
        issue.textBox("quantity").setText("2");
        issue.comboBox("from").replaceText(shelf);
        issue.textBox("reservation").setText(second);
        issue.button("ok").click();
        awaitClosed(issue);
        awaitTrue("10 on hand, nothing reserved, 10 available", () ->
                java.util.Arrays.equals(stock.contents()[0], new String[] {shelf, "10", "0", "10"}));
        try (StockroomClient admin = adminClient()) {
            assertThat(admin.reservations().get(Long.parseLong(second)).value().status())
                    .isEqualTo(org.stockroom.client.model.ReservationStatus.CONSUMED);
        }
    }

    @Test
    void aManagerPostsTheCountAndARefusalIsExplainedInADialog() {
        String shelf = "SHELF-" + suffix;
        String bolt = "BOLT-" + suffix;
        String nut = "NUT-" + suffix;
        try (StockroomClient admin = adminClient();
             StockroomClient clerk = StockroomClient.builder().server(StockroomTestServer.baseUri())
                     .bearerToken(StockroomTestServer.tokenOf(Role.CLERK)).build()) {
            admin.locations().create(new NewLocation(shelf, "Shelf " + suffix));
            seed(admin, bolt, "Hex bolt M8", "Fasteners", 0, 10, shelf);
            seed(admin, nut, "Hex nut M8", "Fasteners", 0, 5, shelf);
            long id = clerk.stocktakes().open(NewStocktake.of(shelf)).value().id();
            clerk.stocktakes().count(id, bolt, new BigDecimal("2"));
            clerk.stocktakes().count(id, nut, new BigDecimal("6"));
            clerk.movements().record(NewMovement.issue(bolt, BigDecimal.valueOf(5), shelf, null, null));  // 5 left; 5 - 8 < 0
        }
        window = logInAs(Role.MANAGER);
        window.button("stocktake").click();
        DialogFixture stocktake = WindowFinder.findDialog("StocktakeDialog").withTimeout(5_000).using(robot);
        stocktake.comboBox("stocktakeLocation").replaceText(shelf);
        stocktake.button("startStocktake").click();
        JTableFixture lines = stocktake.table("stocktakeLines");
        awaitTrue("the clerk's counts resumed", () -> lines.rowCount() == 2
                && label(stocktake, "stocktakeStatus").contains(": open, 2 of 2 counted"));

        stocktake.button("postStocktake").click();
        JOptionPaneFinder.findOptionPane().withTimeout(10_000).using(robot).yesButton().click();
        JOptionPaneFixture refused = JOptionPaneFinder.findOptionPane().withTimeout(10_000).using(robot);
        refused.requireErrorMessage();
        assertThat(refused.target().getMessage().toString()).contains("below zero", bolt, "count " + bolt + " again");
        refused.okButton().click();
        assertThat(label(stocktake, "stocktakeStatus")).contains(": open");

        enterCount(lines, rowOf(lines, bolt), "1");
        awaitTrue("the recount's difference", () -> lines.contents()[rowOf(lines, bolt)][4].equals("-4"));
        stocktake.button("postStocktake").click();
        JOptionPaneFinder.findOptionPane().withTimeout(10_000).using(robot).yesButton().click();
        awaitTrue("the stocktake posted", () -> label(stocktake, "stocktakeStatus")
                .contains(": posted by " + StockroomTestServer.testUser(Role.MANAGER)));
        stocktake.button("postStocktake").requireDisabled();
        try (StockroomClient admin = adminClient()) {
            assertThat(admin.stock().levels(new StockQuery(null, shelf, null, 10, null)).items())
                    .extracting(level -> level.sku() + "=" + level.onHand())
                    .containsExactly(bolt + "=1", nut + "=6");
        }
        stocktake.button("closeStocktake").click();
    }

    /** Types a count into the Counted cell of a row and presses Enter, as a clerk does. */
    private static void enterCount(JTableFixture lines, int row, String count) {
        lines.enterValue(TableCell.row(row).column(2), count);
    }

    /**
     * The Import dialog from the File menu: a refused file lists its bad rows in the table; an upload
     * slowed down on its way can be cancelled part-way, and then nothing is imported; a good file
     * says what it did. The picture docs/images/desktop-import.png is taken here.
     */
    @Test
    void theImportDialogListsBadRowsCancelsAnUploadForRealAndImportsAGoodFile() throws Exception {
        window = logInAs(Role.MANAGER);
        Path directory = Files.createTempDirectory("stockroom-import-");
        Path bad = Files.writeString(directory.resolve("products.csv"), "sku,name,unitOfMeasure,reorderPoint\n"
                + "HINGE-" + suffix + ",\"Hinge, 75 mm\",EA,10\n"
                + "bad sku,Bolt,EA,5\n"
                + "NAIL-" + suffix + ",Nails,EA,2.5\n"
                + "HINGE-" + suffix + ",Hinge again,EA,10\n"
                + "WASHER-" + suffix + ",,EA,1\n");
        StringBuilder many = new StringBuilder("code,name\n");
        for (int i = 0; i < 400_000; i++) {  // about 10 MB: more than the sockets buffer on the way
            many.append("SLOW-").append(suffix).append('-').append(i).append(",Bin ").append(i).append('\n');
        }
        Path slow = Files.writeString(directory.resolve("bins.csv"), many);
        Path good = Files.writeString(directory.resolve("shelves.csv"), "code,name\nSHELF-" + suffix
                + "-1,Top shelf\nSHELF-" + suffix + "-2,\"Bottom shelf, left\"\n");

        JMenuItem importCsv = GuiActionRunner.execute(() -> window.robot().finder()
                .findByName(window.target(), "importCsv", JMenuItem.class, false));
        GuiActionRunner.execute(() -> importCsv.doClick());
        DialogFixture dialog = WindowFinder.findDialog("ImportDialog").withTimeout(5_000).using(robot);

        // Bad rows: every one listed, by line and column; nothing imported.
        dialog.comboBox("kind").selectItem("products");
        setText(dialog, "file", bad.toString());
        dialog.button("ok").click();
        JTableFixture errors = dialog.table("errors");
        awaitTrue("the bad rows listed", () -> errors.rowCount() == 4);
        assertThat(java.util.Arrays.stream(errors.contents()).map(row -> row[0] + " " + row[1]).toList())
                .containsExactly("3 sku", "4 reorderPoint", "5 sku", "6 name");
        assertThat(label(dialog, "message")).contains("Nothing was imported: 4 bad rows");
        screenshot(dialog.target(), "desktop-import.png");

        // A slow upload, cancelled part-way: the bar stopped short, and nothing arrived.
        dialog.comboBox("kind").selectItem("locations");
        setText(dialog, "file", slow.toString());
        proxy.delay(150);
        dialog.button("ok").click();
        JProgressBarFixture bar = dialog.progressBar("progress");
        awaitTrue("some of the file sent", () -> GuiActionRunner.execute(() -> bar.target().getValue()) > 0);
        dialog.button("cancel").click();
        awaitTrue("the dialog saying it was cancelled", () -> label(dialog, "message").startsWith("Cancelled"));
        proxy.delay(0);
        assertThat(GuiActionRunner.execute(() -> bar.target().getValue())).isLessThan(1000);
        try (StockroomClient admin = adminClient()) {
            assertThat(admin.locations().all()).noneMatch(location -> location.code().startsWith("SLOW-" + suffix));
        }

        // A good file.
        setText(dialog, "file", good.toString());
        dialog.button("ok").click();
        awaitTrue("the import reported", () -> label(dialog, "message").startsWith("Imported 2 rows: 2 created"));
        assertThat(errors.rowCount()).isZero();
        dialog.button("cancel").click();
        awaitTrue("the dialog closed", () -> !dialog.target().isShowing());
    }

    private static void setText(DialogFixture dialog, String name, String text) {
        JTextComponent field = dialog.textBox(name).target();
        GuiActionRunner.execute(() -> field.setText(text));
    }

    private static StockroomClient adminClient() {
        return StockroomClient.builder().server(StockroomTestServer.baseUri())
                .bearerToken(StockroomTestServer.tokenOf(Role.ADMIN)).build();
    }

    /** Logs in through the dialog as the test user of that role; the main window. */
    private FrameFixture logInAs(Role role) {
        DesktopSettings settings = new DesktopSettings(preferences);
        SwingUtilities.invokeLater(() -> StockroomDesktop.logIn(settings));
        DialogFixture login = WindowFinder.findDialog("login").withTimeout(10_000).using(robot);
        login.textBox("server").setText(server);
        login.textBox("username").setText(StockroomTestServer.testUser(role));
        login.textBox("password").setText(StockroomTestServer.TEST_USER_PASSWORD);
        logIn(login);
        return WindowFinder.findFrame("main").withTimeout(15_000).using(robot);
    }

    /**
     * Types into the search field directly: with no window manager on Xvfb, moving the focus
     * back to the main window after a dialog can fail.
     */
    private static void search(FrameFixture window, String text) {
        JTextComponent field = window.textBox("search").target();
        GuiActionRunner.execute(() -> field.setText(text));
    }

    /**
     * Presses Enter in the password field, as people do: the dialog's default button logs in.
     * (A robot's very first mouse click on a fresh Xvfb display, with no window manager, can
     * be lost; a key press goes to the focused field.)
     */
    private static void logIn(DialogFixture login) {
        login.textBox("password").focus().pressAndReleaseKeys(KeyEvent.VK_ENTER);
    }

    private static void seed(StockroomClient admin, String sku, String name, String category, int reorderPoint,
                             int onHand, String location) {
        admin.products().create(new NewProduct(sku, name, null, "pcs", category, BigDecimal.valueOf(reorderPoint)));
        admin.movements().record(NewMovement.receive(sku, BigDecimal.valueOf(onHand), location, null, "PO-SEED"));
    }

    private static int rowOf(JTableFixture table, String text, int column) {
        String[][] rows = table.contents();
        for (int row = 0; row < rows.length; row++) {
            if (rows[row][column].equals(text)) {
                return row;
            }
        }
        throw new AssertionError(text + " is not in column " + column + " of the table");
    }

    private static int rowOf(JTableFixture table, String sku) {
        String[][] rows = table.contents();
        for (int row = 0; row < rows.length; row++) {
            if (rows[row][0].equals(sku)) {
                return row;
            }
        }
        throw new AssertionError(sku + " is not in the table");
    }

    /** Waits for a form to close once the server accepted it; fails with what the form says otherwise. */
    private static void awaitClosed(DialogFixture dialog) {
        try {
            awaitTrue("the dialog closed", () -> !dialog.target().isShowing());
        } catch (WaitTimedOutError e) {
            throw new AssertionError("the dialog stayed open, saying: " + dialog.textBox("message").text(), e);
        }
    }

    private static String label(FrameFixture window, String name) {
        return GuiActionRunner.execute(() -> window.robot().finder().findByName(window.target(), name, JLabel.class).getText());
    }

    private static String label(DialogFixture dialog, String name) {
        return GuiActionRunner.execute(() -> dialog.robot().finder().findByName(dialog.target(), name, JLabel.class).getText());
    }

    private static void awaitTrue(String what, Callable<Boolean> condition) {
        pause(new Condition(what) {
            @Override
            public boolean test() {
                try {
                    return condition.call();
                } catch (Exception | AssertionError e) {
                    return false;
                }
            }
        }, timeout(15_000));
    }

    /** Saves a picture of the component as it is on the screen now. */
    private static void screenshot(Component component, String name) throws IOException {
        Files.createDirectories(SCREENSHOTS);
        BufferedImage image = GuiActionRunner.execute(() -> {
            Rectangle bounds = component.getBounds();
            BufferedImage picture = new BufferedImage(bounds.width, bounds.height, BufferedImage.TYPE_INT_RGB);
            var graphics = picture.createGraphics();
            component.paintAll(graphics);
            graphics.dispose();
            return picture;
        });
        ImageIO.write(image, "png", SCREENSHOTS.resolve(name).toFile());
    }
}

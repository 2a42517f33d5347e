package org.stockroom.cli.user;

import org.stockroom.cli.ExitCode;
import org.stockroom.cli.Output;
import org.stockroom.cli.PageOptions;
import org.stockroom.cli.Prompter;
import org.stockroom.cli.StockroomCommand;
import org.stockroom.cli.Table;
import org.stockroom.client.StockroomClient;
import org.stockroom.client.model.NewUser;
import org.stockroom.client.model.User;
import org.stockroom.client.model.UserChanges;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** {@code stockroom user list|show|add|role|disable|enable|reset-password}: for administrators. */
@Command(name = "user", synopsisSubcommandLabel = "COMMAND",
        description = {"Manage who may log in, and with which role (viewer, clerk, manager, admin).",
                "For administrators."})
public final class UserCommand {

    private static final String PASSWORD_STDIN = "Read the password from the first line of standard input"
            + " instead of asking twice.";

    @ParentCommand
    StockroomCommand stockroom;

    @Command(name = "list", description = "List users, one page at a time unless --all is given.")
    int list(@Mixin PageOptions paging) {
        StockroomClient client = stockroom.client();
        Output output = stockroom.output();
        paging.show(output, after -> client.users().list(paging.limit(), after), "users", users -> table(users, output));
        return ExitCode.OK;
    }

    @Command(name = "show", description = "Show one user.")
    int show(@Parameters(paramLabel = "USERNAME") String username) {
        User user = stockroom.client().users().get(username);
        Output output = stockroom.output();
        output.record(user, () -> details(user, output));
        return ExitCode.OK;
    }

    @Command(name = "add", description = "Add a user. Asks for their first password twice.")
    int add(@Parameters(paramLabel = "USERNAME") String username,
            @Option(names = "--role", required = true, paramLabel = "ROLE",
                    description = "viewer, clerk, manager or admin.") String role,
            @Option(names = "--password-stdin", description = PASSWORD_STDIN) boolean passwordStdin) {
        return withNewPassword(username, passwordStdin, password -> {
            User created = stockroom.client().users().create(new NewUser(username, new String(password), role));
            report(created, "Created user " + created.username() + " (" + created.role() + ").");
            return ExitCode.OK;
        });
    }

    @Command(name = "role", description = "Give a user another role.")
    int role(@Parameters(index = "0", paramLabel = "USERNAME") String username,
             @Parameters(index = "1", paramLabel = "ROLE", description = "viewer, clerk, manager or admin.")
             String role) {
        User changed = stockroom.client().users().change(username, UserChanges.role(role));
        report(changed, changed.username() + " is now " + changed.role() + ".");
        return ExitCode.OK;
    }

    @Command(name = "disable", description = "Stop a user from logging in; their sessions end at once.")
    int disable(@Parameters(paramLabel = "USERNAME") String username) {
        User changed = stockroom.client().users().change(username, UserChanges.disable());
        report(changed, "Disabled user " + changed.username() + ".");
        return ExitCode.OK;
    }

    @Command(name = "enable", description = "Let a disabled user log in again.")
    int enable(@Parameters(paramLabel = "USERNAME") String username) {
        User changed = stockroom.client().users().change(username, UserChanges.enable());
        report(changed, "Enabled user " + changed.username() + ".");
        return ExitCode.OK;
    }

    @Command(name = "reset-password", description = "Set a new password for a user who forgot theirs. Asks twice.")
    int resetPassword(@Parameters(paramLabel = "USERNAME") String username,
                      @Option(names = "--password-stdin", description = PASSWORD_STDIN) boolean passwordStdin) {
        return withNewPassword(username, passwordStdin, password -> {
            stockroom.client().users().resetPassword(username, password);
            stockroom.output().line("Set a new password for " + username + ".");
            return ExitCode.OK;
        });
    }

    /** Asks for a new password (twice, unless from standard input), runs {@code use}, then clears it. */
    private int withNewPassword(String username, boolean fromStandardInput, Function<char[], Integer> use) {
        Prompter prompter = stockroom.prompter();
        char[] password = fromStandardInput
                ? prompter.standardInputLine("password")
                : prompter.newSecret("New password for " + username + ": ", "Again: ");
        if (password == null) {
            stockroom.err().println("error: the two passwords differ; nothing was changed");
            return ExitCode.USAGE;
        }
        try {
            return use.apply(password);
        } finally {
            Arrays.fill(password, '\0');
        }
    }

    private void report(User user, String sentence) {
        stockroom.output().result(user, sentence);
    }

    static Table table(List<User> users, Output output) {
        Table table = new Table().left("USERNAME").left("ROLE").left("STATUS").left("CREATED")
                .left("PASSWORD CHANGED");
        for (User user : users) {
            table.row(user.username(), user.role(), status(user), output.time(user.createdAt()),
                    output.time(user.passwordChangedAt()));
        }
        return table;
    }

    static Map<String, Object> details(User user, Output output) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("User name", user.username());
        fields.put("Role", user.role());
        fields.put("Status", status(user));
        fields.put("Created", output.time(user.createdAt()));
        fields.put("Password changed", output.time(user.passwordChangedAt()));
        return fields;
    }

    private static String status(User user) {
        return user.disabled() ? "disabled" : "active";
    }
}

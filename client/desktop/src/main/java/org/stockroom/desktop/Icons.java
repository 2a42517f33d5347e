package org.stockroom.desktop;

import javax.swing.Icon;
import javax.swing.UIManager;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Component;
import java.awt.Graphics;
import java.awt.Graphics2D;
import java.awt.Image;
import java.awt.RenderingHints;
import java.awt.geom.Path2D;
import java.awt.image.BufferedImage;
import java.util.List;
import java.util.function.Consumer;

/**
 * The toolbar's and window's icons, drawn as vectors so that they are sharp at any scale and
 * follow the theme's text colour; no image files to ship.
 */
public final class Icons {

    private static final int SIZE = 16;

    private Icons() {
    }

    /** A box with an arrow down into it. */
    public static Icon receive() {
        return icon(g -> {
            g.drawRect(2, 8, 12, 6);
            g.drawLine(8, 1, 8, 10);
            g.drawLine(5, 7, 8, 10);
            g.drawLine(11, 7, 8, 10);
        });
    }

    /** A box with an arrow up out of it. */
    public static Icon issue() {
        return icon(g -> {
            g.drawRect(2, 8, 12, 6);
            g.drawLine(8, 1, 8, 10);
            g.drawLine(5, 4, 8, 1);
            g.drawLine(11, 4, 8, 1);
        });
    }

    /** Two arrows, one each way. */
    public static Icon transfer() {
        return icon(g -> {
            g.drawLine(2, 5, 14, 5);
            g.drawLine(11, 2, 14, 5);
            g.drawLine(11, 8, 14, 5);
            g.drawLine(2, 11, 14, 11);
            g.drawLine(5, 8, 2, 11);
            g.drawLine(5, 14, 2, 11);
        });
    }

    /** Plus over minus. */
    public static Icon adjust() {
        return icon(g -> {
            g.drawLine(4, 4, 12, 4);
            g.drawLine(8, 0, 8, 8);
            g.drawLine(4, 12, 12, 12);
        });
    }

    /** A tag. */
    public static Icon product() {
        return icon(g -> {
            Path2D tag = new Path2D.Double();
            tag.moveTo(1, 8);
            tag.lineTo(8, 1);
            tag.lineTo(15, 1);
            tag.lineTo(15, 8);
            tag.lineTo(8, 15);
            tag.closePath();
            g.draw(tag);
            g.fillOval(10, 4, 3, 3);
        });
    }

    /** A pencil. */
    public static Icon edit() {
        return icon(g -> {
            Path2D pencil = new Path2D.Double();
            pencil.moveTo(2, 14);
            pencil.lineTo(3, 10);
            pencil.lineTo(11, 2);
            pencil.lineTo(14, 5);
            pencil.lineTo(6, 13);
            pencil.closePath();
            g.draw(pencil);
            g.drawLine(9, 4, 12, 7);
        });
    }

    /** A clipboard with ticked lines: a count sheet. */
    public static Icon stocktake() {
        return icon(g -> {
            g.drawRoundRect(2, 2, 12, 13, 2, 2);
            g.drawLine(6, 1, 10, 1);
            g.drawLine(4, 7, 5, 8);
            g.drawLine(5, 8, 7, 6);
            g.drawLine(9, 7, 12, 7);
            g.drawLine(4, 11, 5, 12);
            g.drawLine(5, 12, 7, 10);
            g.drawLine(9, 11, 12, 11);
        });
    }

    /** A tag on a box: stock set aside. */
    public static Icon reservation() {
        return icon(g -> {
            g.drawRect(2, 7, 10, 8);
            g.drawLine(2, 10, 12, 10);
            g.drawOval(9, 1, 6, 6);
            g.drawLine(12, 4, 12, 4);
        });
    }

    /** A pin. */
    public static Icon location() {
        return icon(g -> {
            g.drawOval(4, 1, 8, 8);
            g.drawLine(8, 9, 8, 15);
        });
    }

    /** A circular arrow. */
    public static Icon refresh() {
        return icon(g -> {
            g.drawArc(2, 2, 12, 12, 30, 280);
            g.drawLine(13, 1, 13, 5);
            g.drawLine(9, 5, 13, 5);
        });
    }

    /** The application's icon: stacked boxes, at the sizes window managers ask for. */
    public static List<Image> application() {
        return List.of(applicationImage(16), applicationImage(32), applicationImage(64), applicationImage(128));
    }

    private static Image applicationImage(int size) {
        BufferedImage image = new BufferedImage(size, size, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        double unit = size / 16.0;
        g.scale(unit, unit);
        g.setColor(new Color(0x2F6FEB));
        g.fillRoundRect(0, 0, 16, 16, 4, 4);
        g.setColor(Color.WHITE);
        g.fillRect(2, 9, 5, 5);
        g.fillRect(9, 9, 5, 5);
        g.fillRect(5, 3, 6, 5);
        g.dispose();
        return image;
    }

    private static Icon icon(Consumer<Graphics2D> drawing) {
        return new Icon() {
            @Override
            public void paintIcon(Component component, Graphics graphics, int x, int y) {
                Graphics2D g = (Graphics2D) graphics.create();
                g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
                g.translate(x, y);
                Color colour = component != null && !component.isEnabled()
                        ? UIManager.getColor("Label.disabledForeground") : UIManager.getColor("Label.foreground");
                g.setColor(colour == null ? Color.DARK_GRAY : colour);
                g.setStroke(new BasicStroke(1.5f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
                drawing.accept(g);
                g.dispose();
            }

            @Override
            public int getIconWidth() {
                return SIZE;
            }

            @Override
            public int getIconHeight() {
                return SIZE;
            }
        };
    }
}

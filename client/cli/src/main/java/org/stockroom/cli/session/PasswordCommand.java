package org.stockroom.cli.session;

import org.stockroom.cli.ErrorReporter;
import org.stockroom.cli.ExitCode;
import org.stockroom.cli.Prompter;
import org.stockroom.cli.StockroomCommand;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

import java.util.Arrays;
import java.util.concurrent.Callable;

/** {@code stockroom password}. */
@Command(name = "password",
        description = {"Change your own password. Asks for the current one, then the new one twice.",
                "Logs you out everywhere: log in again with the new password."})
public final class PasswordCommand implements Callable<Integer> {

    @ParentCommand
    StockroomCommand stockroom;

    @Override
    public Integer call() {
        if (stockroom.token().isEmpty()) {
            stockroom.err().println(ErrorReporter.NOT_LOGGED_IN);
            return ExitCode.REFUSED;
        }
        Prompter prompter = stockroom.prompter();
        char[] current = prompter.secret("Current password: ");
        char[] changed = null;
        try {
            changed = prompter.newSecret("New password: ", "New password again: ");
            if (changed == null) {
                stockroom.err().println("error: the two new passwords differ; nothing was changed");
                return ExitCode.USAGE;
            }
            stockroom.client().auth().changePassword(current, changed);
        } finally {
            Arrays.fill(current, '\0');
            if (changed != null) {
                Arrays.fill(changed, '\0');
            }
        }
        // The server has revoked every token of the user, this one too.
        if (!stockroom.tokenFromEnvironment()) {
            stockroom.sessions().remove(stockroom.server());
        }
        stockroom.output().line("Password changed. You are now logged out everywhere;"
                + " run 'stockroom login' to log in again.");
        return ExitCode.OK;
    }
}

package org.stockroom.cli.session;

import org.stockroom.cli.ErrorReporter;
import org.stockroom.cli.ExitCode;
import org.stockroom.cli.Output;
import org.stockroom.cli.StockroomCommand;
import org.stockroom.client.model.Session;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

import java.util.concurrent.Callable;

/** {@code stockroom whoami}. */
@Command(name = "whoami", description = "Show who the server takes you to be, and until when your session is valid.")
public final class WhoamiCommand implements Callable<Integer> {

    @ParentCommand
    StockroomCommand stockroom;

    @Override
    public Integer call() {
        if (stockroom.token().isEmpty()) {  // nothing to ask the server about
            stockroom.err().println(ErrorReporter.NOT_LOGGED_IN);
            return ExitCode.REFUSED;
        }
        Session session = stockroom.client().auth().me();
        Output output = stockroom.output();
        output.result(session, session.username() + " (" + session.role() + ") at " + stockroom.server()
                + ", token valid until " + output.time(session.expiresAt()));
        return ExitCode.OK;
    }
}

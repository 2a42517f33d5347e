package org.stockroom.cli.session;

import org.stockroom.cli.ExitCode;
import org.stockroom.cli.Output;
import org.stockroom.cli.Prompter;
import org.stockroom.cli.StockroomCommand;
import org.stockroom.client.NotAuthenticatedException;
import org.stockroom.client.StoredSession;
import org.stockroom.client.model.IssuedToken;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

import java.net.URI;
import java.util.Arrays;
import java.util.concurrent.Callable;

/** {@code stockroom login [USERNAME] [--password-stdin]}. */
@Command(name = "login",
        description = {"Log in to the server and keep the session for the following commands.",
                "Asks for the password without showing it; with input piped in, reads it from the first line."})
public final class LoginCommand implements Callable<Integer> {

    @ParentCommand
    StockroomCommand stockroom;

    @Parameters(paramLabel = "USERNAME", arity = "0..1", description = "Who you are; asked for when not given.")
    String username;

    @Option(names = "--password-stdin",
            description = "Read the password from the first line of standard input, e.g. from a secret store.")
    boolean passwordStdin;

    @Override
    public Integer call() {
        URI server = stockroom.server();
        Prompter prompter = stockroom.prompter();
        String name = username != null ? username.strip() : prompter.line("User name: ");
        char[] password = passwordStdin
                ? prompter.standardInputLine("password")
                : prompter.secret("Password for " + name + " at " + server + ": ");
        IssuedToken issued;
        try {
            issued = stockroom.client().auth().logIn(name, password);
        } catch (NotAuthenticatedException wrongCredentials) {
            stockroom.err().println("error: " + wrongCredentials.problem().message());
            return ExitCode.REFUSED;
        } finally {
            Arrays.fill(password, '\0');
        }
        StoredSession session = StoredSession.of(server, issued);
        stockroom.sessions().save(session);

        Output output = stockroom.output();
        // JSON of the session, never the token: it stays in the session file.
        output.result(issued.session(), "Logged in to " + server + " as " + issued.username() + " ("
                + issued.role() + ") until " + output.time(issued.expiresAt()) + ".");
        if (stockroom.tokenFromEnvironment()) {
            stockroom.err().println("warning: $" + StockroomCommand.TOKEN_VARIABLE
                    + " is set and wins over this log-in; unset it to use the new session");
        }
        return ExitCode.OK;
    }
}

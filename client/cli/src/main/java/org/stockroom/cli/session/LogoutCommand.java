package org.stockroom.cli.session;

import org.stockroom.cli.ExitCode;
import org.stockroom.cli.StockroomCommand;
import org.stockroom.cli.StockroomCommand.Token;
import org.stockroom.client.NotAuthenticatedException;
import org.stockroom.client.ServerUnreachableException;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

import java.net.URI;
import java.util.Optional;
import java.util.concurrent.Callable;

/** {@code stockroom logout}. */
@Command(name = "logout",
        description = {"Log out: the server revokes the token, and the stored session is deleted.",
                "With $" + StockroomCommand.TOKEN_VARIABLE + " set, revokes that token instead."})
public final class LogoutCommand implements Callable<Integer> {

    @ParentCommand
    StockroomCommand stockroom;

    @Override
    public Integer call() {
        URI server = stockroom.server();
        Optional<Token> token = stockroom.token();
        if (token.isEmpty()) {
            stockroom.output().line("Not logged in to " + server + ".");
            return ExitCode.OK;
        }
        String revoked;
        int exitCode = ExitCode.OK;
        try {
            stockroom.client().auth().logOut();
            revoked = "the token is revoked";
        } catch (NotAuthenticatedException alreadyEnded) {
            revoked = "the session had already ended";
        } catch (ServerUnreachableException unreachable) {
            // Forget the token anyway: the user asked for it to be gone from this machine.
            stockroom.err().println("warning: " + unreachable.getMessage()
                    + "; the token could not be revoked and stays valid on the server until it expires");
            revoked = "only on this computer";
            exitCode = ExitCode.UNREACHABLE;
        }
        if (token.get().fromEnvironment()) {
            stockroom.output().line("Logged out of " + server + " ($" + StockroomCommand.TOKEN_VARIABLE + "): "
                    + revoked + ".");
        } else {
            stockroom.sessions().remove(server);
            stockroom.output().line("Logged out of " + server + ": " + revoked + ".");
        }
        return exitCode;
    }
}

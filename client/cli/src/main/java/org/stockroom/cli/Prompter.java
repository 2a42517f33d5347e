package org.stockroom.cli;

import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.Arrays;

/**
 * Asks the user for a name or a password: on a terminal with the prompt and, for passwords,
 * without echo; otherwise (input piped in, as in {@code echo pw | stockroom login alice}, or
 * a test) one line of standard input per answer, the prompt going to standard error as a line
 * of its own (nothing echoes the piped answer's line end), so that standard output stays clean.
 */
public final class Prompter {

    private final Console console;
    private final BufferedReader input;
    private final PrintWriter prompts;

    /**
     * @param console the terminal, or {@code null} when there is none
     * @param input   standard input, read a line at a time when there is no terminal or
     *                {@code --password-stdin} asks for it
     * @param prompts where to show prompts when there is no terminal
     */
    public Prompter(Console console, BufferedReader input, PrintWriter prompts) {
        this.console = console;
        this.input = input;
        this.prompts = prompts;
    }

    /** The terminal if this process has one, else standard input. */
    static Prompter system(PrintWriter prompts) {
        return new Prompter(terminal(), new BufferedReader(new InputStreamReader(System.in)), prompts);
    }

    /** Asks for a line of text, e.g. a user name. */
    public String line(String prompt) {
        if (console != null) {
            String answer = console.readLine("%s", prompt);
            if (answer == null) {
                throw new NoAnswerException(prompt);
            }
            return answer.strip();
        }
        prompts.println(prompt.stripTrailing());
        prompts.flush();
        return new String(standardInputLine(prompt)).strip();
    }

    /** Asks for a password without showing it; the caller clears the array when done. */
    public char[] secret(String prompt) {
        if (console != null) {
            char[] answer = console.readPassword("%s", prompt);
            if (answer == null) {
                throw new NoAnswerException(prompt);
            }
            return answer;
        }
        prompts.println(prompt.stripTrailing());
        prompts.flush();
        return standardInputLine(prompt);
    }

    /**
     * Asks for a new password twice, as people mistype what they cannot see; null (after
     * clearing both) when the two differ.
     */
    public char[] newSecret(String prompt, String repeatPrompt) {
        char[] first = secret(prompt);
        char[] second = secret(repeatPrompt);
        boolean same = Arrays.equals(first, second);
        Arrays.fill(second, '\0');
        if (!same) {
            Arrays.fill(first, '\0');
            return null;
        }
        return first;
    }

    /** One line of standard input, without a prompt, also on a terminal ({@code --password-stdin}). */
    public char[] standardInputLine(String what) {
        try {
            String line = input.readLine();
            if (line == null) {
                throw new NoAnswerException(what);
            }
            return line.toCharArray();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read standard input: " + e.getMessage(), e);
        }
    }

    /** Standard input ended (or the terminal closed) before the answer came. */
    public static final class NoAnswerException extends RuntimeException {
        NoAnswerException(String what) {
            super("no answer on standard input to '" + what.strip() + "'");
        }
    }

    /**
     * The console, if it is an interactive terminal. From JDK 22 on, {@code System.console()}
     * also returns one when input is piped, and only {@code isTerminal()} (JDK 22) tells; the
     * client runs on JDK 21 too, where a piped run has no console at all.
     */
    private static Console terminal() {
        Console console = System.console();
        if (console == null) {
            return null;
        }
        try {
            Object isTerminal = Console.class.getMethod("isTerminal").invoke(console);
            return Boolean.TRUE.equals(isTerminal) ? console : null;
        } catch (ReflectiveOperationException jdk21) {
            return console;
        }
    }
}

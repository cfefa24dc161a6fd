package dev.tayori.cli;

import dev.tayori.campaign.CampaignFileException;
import dev.tayori.config.SettingsException;
import dev.tayori.content.ContentException;
import dev.tayori.db.DatabaseException;
import dev.tayori.mail.InvalidAddressException;
import dev.tayori.render.TemplateProblem;
import dev.tayori.subscriber.SubscriberException;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

/**
 * The one place where errors become what the operator sees: a clear line (or one per problem) and
 * an exit status. 0 done; 1 could not be done now (the SMTP server is down, the address exists, the
 * article feed cannot be read); 2 bad input or settings, nothing written.
 */
final class ExitCodes implements IExecutionExceptionHandler {
    static final int OK = 0;
    static final int FAILED = 1;
    static final int BAD_INPUT = 2;

    @Override
    public int handleExecutionException(Exception e, CommandLine commandLine, ParseResult parseResult) {
        // every line printed here goes through the mask: a driver's or library's message may quote a URL with its password
        PrintWriter err = new PrintWriter(new java.io.Writer() {
            private final PrintWriter to = commandLine.getErr();

            @Override
            public void write(char[] buffer, int off, int len) {
                to.write(dev.tayori.config.Secrets.maskUrl(new String(buffer, off, len)));
            }

            @Override
            public void flush() {
                to.flush();
            }

            @Override
            public void close() {
                to.flush();
            }
        });
        int code;
        if (e instanceof SettingsException || e instanceof InvalidAddressException) {
            err.println("error: " + e.getMessage());
            code = BAD_INPUT;
        } else if (e instanceof CampaignFileException c) {
            err.println("error: the campaign files have " + c.problems().size() + " problem(s):");
            c.problems().forEach(p -> err.println("  " + p));
            code = BAD_INPUT;
        } else if (e instanceof TemplateProblem t) {
            err.println("error: " + t.located());
            code = BAD_INPUT;
        } else if (e instanceof SubscriberException s) {
            err.println("error: " + s.getMessage());
            code = s.kind() == SubscriberException.Kind.INVALID || s.kind() == SubscriberException.Kind.SUPPRESSED ? BAD_INPUT : FAILED;
        } else if (e instanceof DatabaseException || e instanceof PortInUse || e instanceof ContentException) {
            // ContentException: the articles (feed or folder) cannot be read now; the next try may work
            err.println("error: " + e.getMessage());
            code = FAILED;
        } else if (e instanceof IllegalArgumentException) {
            err.println("error: " + e.getMessage());
            code = BAD_INPUT;
        } else {
            // not a stack trace: one line that says what failed; the class names the kind of fault
            err.println("error: unexpected " + e.getClass().getSimpleName() + ": " + e.getMessage());
            code = FAILED;
        }
        err.flush();
        return code;
    }
}

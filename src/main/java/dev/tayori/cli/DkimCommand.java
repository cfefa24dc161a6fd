package dev.tayori.cli;

import dev.tayori.dkim.DkimKey;
import dev.tayori.dkim.DkimKeygen;
import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.regex.Pattern;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

@Command(name = "dkim", description = "DKIM signing keys (see README \"Deliverability\").")
final class DkimCommand {
    private static final Pattern NAME = Pattern.compile(
            "[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?(\\.[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*");

    @ParentCommand
    TayoriCommand root;

    @Mixin
    HelpOption help;

    /** Needs no settings and no database: it runs before tayori.yaml names the key. */
    @Command(name = "keygen",
            description = {"Make a new signing key and print the DNS TXT record that publishes it.",
                    "The key is written as a PKCS#8 PEM file only you can read (mode 0600); an existing file is "
                            + "never overwritten. Publish the record, then set dkim.selector and dkim.private-key "
                            + "(or, for --type ed25519, dkim.ed25519-selector and dkim.ed25519-private-key)."})
    int keygen(@Mixin HelpOption help,
            @Option(names = "--domain", required = true, paramLabel = "D",
                    description = "The signing domain (d=), usually that of sender.email, e.g. example.jp.") String domain,
            @Option(names = "--selector", required = true, paramLabel = "S",
                    description = "The selector (s=), a name for this key, e.g. tayori2026.") String selector,
            @Option(names = "--out", required = true, paramLabel = "FILE",
                    description = "Where to write the private key, e.g. dkim/tayori2026.pem.") Path out,
            @Option(names = "--type", paramLabel = "rsa|ed25519", defaultValue = "rsa",
                    description = "rsa (2048 bits, the default: every provider verifies it) or ed25519 (RFC 8463, "
                            + "a second signature beside an RSA one).") String type) {
        CliContext context = root.context;
        DkimKey.Algorithm algorithm = switch (type.toLowerCase(Locale.ROOT)) {
            case "rsa" -> DkimKey.Algorithm.RSA;
            case "ed25519" -> DkimKey.Algorithm.ED25519;
            default -> throw new IllegalArgumentException("--type must be rsa or ed25519, not '" + type + "'");
        };
        String d = domain.strip().replaceAll("\\.$", "");
        if (!NAME.matcher(d).matches() || !d.contains(".")) {
            throw new IllegalArgumentException("--domain must be a domain name such as example.jp, not '" + domain + "'");
        }
        if (!NAME.matcher(selector).matches()) {
            throw new IllegalArgumentException("--selector must be letters, digits and hyphens such as tayori2026, not '"
                    + selector + "'");
        }
        String record;
        try {
            record = DkimKeygen.generate(algorithm, d, selector, out);
        } catch (FileAlreadyExistsException e) {
            throw new IllegalArgumentException("--out " + out + " already exists; tayori never overwrites a key (mail"
                    + " signed with it would stop verifying): choose another file and a new selector");
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot write --out " + out + ": " + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : " " + e.getMessage()));
        }
        boolean rsa = algorithm == DkimKey.Algorithm.RSA;
        context.out().println("Wrote a new " + (rsa ? "RSA 2048-bit" : "Ed25519") + " key to " + out
                + " (mode 0600: only you can read it; keep it out of backups others can read).");
        context.out().println("Publish this DNS TXT record:");
        context.out().println(record);
        context.out().println("Then set, in tayori.yaml:");
        context.out().println(rsa
                ? "  dkim:\n    domain: " + d + "\n    selector: " + selector + "\n    private-key: " + out
                : "  dkim:\n    ed25519-selector: " + selector + "\n    ed25519-private-key: " + out);
        return ExitCodes.OK;
    }
}

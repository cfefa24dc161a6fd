package dev.tayori.cli;

import dev.tayori.config.Formats;
import dev.tayori.config.Instants;
import dev.tayori.config.SettingsException;
import java.time.Instant;
import java.time.ZoneId;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * Instants on the command line, read as config/Instants reads them everywhere: with an offset as
 * given, without one in the timezone setting, and only within the years 2000-2100. When no offset
 * was given, a note on stderr says which instant was taken, so a guessed zone is never silent.
 * Made by Cli's factory, which hands it the context (for the timezone setting).
 */
final class InstantConverter implements ITypeConverter<Instant> {
    private final CliContext context;

    InstantConverter(CliContext context) {
        this.context = context;
    }

    @Override
    public Instant convert(String value) {
        ZoneId zone;
        try {
            zone = Instants.hasOffset(value) ? java.time.ZoneOffset.UTC : context.settings().timezone();
        } catch (SettingsException e) {
            throw new TypeConversionException(e.getMessage());
        }
        Instant instant;
        try {
            instant = Instants.parse(value, zone);
        } catch (Instants.Refused e) {
            throw new TypeConversionException(e.getMessage());
        }
        if (!Instants.hasOffset(value)) {
            context.err().println("note: " + value.strip() + " has no offset; read in " + zone.getId()
                    + " (the timezone setting) as " + Formats.local(instant, zone));
            context.err().flush();
        }
        return instant;
    }
}

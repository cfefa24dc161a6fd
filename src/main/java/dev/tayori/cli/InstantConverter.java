package dev.tayori.cli;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Instants on the command line: ISO-8601 with an offset, so the time zone is never guessed. */
final class InstantConverter implements ITypeConverter<Instant> {
    @Override
    public Instant convert(String value) {
        try {
            return OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException e) {
            throw new TypeConversionException("'" + value
                    + "' is not an instant with a time zone offset; write it like 2026-11-24T07:00+09:00");
        }
    }
}

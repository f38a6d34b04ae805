package org.piiscanner.scanner.cli;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Parses sizes such as {@code 256MB}, {@code 10k}, {@code 1G} or {@code 1048576} (binary units: 1 KB = 1024 bytes). */
final class SizeConverter implements ITypeConverter<Long> {

    private static final Pattern SIZE = Pattern.compile("(\\d{1,15})\\s*([KMGT]?)(I?B)?");

    @Override
    public Long convert(String value) {
        Matcher m = SIZE.matcher(value.trim().toUpperCase(Locale.ROOT));
        if (!m.matches()) {
            throw new TypeConversionException("'" + value + "' is not a size (examples: 256MB, 10K, 1G, 1048576)");
        }
        long n = Long.parseLong(m.group(1));
        int shift = switch (m.group(2)) {
            case "K" -> 10;
            case "M" -> 20;
            case "G" -> 30;
            case "T" -> 40;
            default -> 0;
        };
        if (n <= 0 || Long.numberOfLeadingZeros(n) <= shift) {
            throw new TypeConversionException("'" + value + "' must be between 1 byte and 8 EB");
        }
        return n << shift;
    }
}

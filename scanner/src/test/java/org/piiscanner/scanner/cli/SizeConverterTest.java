package org.piiscanner.scanner.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine.TypeConversionException;

class SizeConverterTest {

    private final SizeConverter converter = new SizeConverter();

    @ParameterizedTest
    @CsvSource({
        "1048576, 1048576",
        "256MB, 268435456",
        "256M, 268435456",
        "256mib, 268435456",
        "10k, 10240",
        "10 KB, 10240",
        "1G, 1073741824",
        "2T, 2199023255552",
        "512B, 512"})
    void parsesSizes(String text, long bytes) {
        assertThat(converter.convert(text)).isEqualTo(bytes);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "lots", "-1", "0", "1.5G", "10X", "99999999999999T"})
    void rejectsWhatIsNotASize(String text) {
        assertThatThrownBy(() -> converter.convert(text)).isInstanceOf(TypeConversionException.class);
    }
}

package dev.spillway.io.csv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.spillway.data.Values;
import dev.spillway.io.text.BooleanParser;
import dev.spillway.io.text.DateTimeParser;
import dev.spillway.io.text.NumberParser;
import dev.spillway.io.text.Utf8;
import dev.spillway.io.text.ValueFormatException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The byte-level value parsers behind CSV reading, against the JDK's own conversions. */
class CsvValueParsingTest {
    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static double parseDouble(String text) {
        byte[] b = bytes(text);
        return NumberParser.parseDouble(b, 0, b.length);
    }

    private static long parseLong(String text) {
        byte[] b = bytes(text);
        return NumberParser.parseLong(b, 0, b.length);
    }

    @Test
    void doublesAreCorrectlyRoundedLikeTheJdk() {
        Random random = new Random(42);
        for (int i = 0; i < 200_000; i++) {
            String text = switch (i % 5) {
                case 0 -> Double.toString(Double.longBitsToDouble(random.nextLong()));
                case 1 -> String.format(Locale.ROOT, "%.6f", random.nextGaussian() * 1e6);
                case 2 -> String.format(Locale.ROOT, "%.17e", random.nextDouble() * Math.pow(10, random.nextInt(600) - 300));
                case 3 -> (random.nextBoolean() ? "-" : "") + random.nextInt(1_000_000) + "." + random.nextInt(1000);
                default -> random.nextLong() + "e" + (random.nextInt(40) - 20);
            };
            if (text.contains("NaN") || text.contains("Infinity")) {
                continue;
            }
            assertThat(parseDouble(text)).as(text).isEqualTo(Double.parseDouble(text));
        }
    }

    @Test
    void doubleEdgeCases() {
        assertThat(parseDouble(" 1.5 ")).isEqualTo(1.5);
        assertThat(parseDouble("-0.0")).isEqualTo(-0.0);
        assertThat(parseDouble(".5")).isEqualTo(0.5);
        assertThat(parseDouble("5.")).isEqualTo(5.0);
        assertThat(parseDouble("+1e3")).isEqualTo(1000.0);
        assertThat(parseDouble("1e400")).isEqualTo(Double.POSITIVE_INFINITY);
        assertThat(parseDouble("1e-400")).isEqualTo(0.0);
        assertThat(parseDouble("0.1")).isEqualTo(0.1);
        assertThat(parseDouble("123456789012345678901234567890")).isEqualTo(1.2345678901234568E29);
        assertThat(parseDouble("-Infinity")).isEqualTo(Double.NEGATIVE_INFINITY);
        for (String bad : new String[] {"", "-", ".", "e5", "1e", "1.2.3", "1,5", "0x10", "1d", "abc"}) {
            assertThatThrownBy(() -> parseDouble(bad)).as(bad).isInstanceOf(ValueFormatException.class);
        }
    }

    @Test
    void longsWithOverflowChecks() {
        assertThat(parseLong("9223372036854775807")).isEqualTo(Long.MAX_VALUE);
        assertThat(parseLong("-9223372036854775808")).isEqualTo(Long.MIN_VALUE);
        assertThat(parseLong(" +007 ")).isEqualTo(7);
        assertThat(parseLong("-0")).isZero();
        Random random = new Random(7);
        for (int i = 0; i < 100_000; i++) {
            long value = random.nextLong() >> random.nextInt(64);
            assertThat(parseLong(Long.toString(value))).isEqualTo(value);
        }
        for (String bad : new String[] {"9223372036854775808", "-9223372036854775809", "99999999999999999999", "", "-", "+", "1.0", "1e3",
            "12a", "--1"}) {
            assertThatThrownBy(() -> parseLong(bad)).as(bad).isInstanceOf(ValueFormatException.class);
        }
    }

    @Test
    void datesMatchTheJdkCalendar() {
        Random random = new Random(3);
        for (int i = 0; i < 100_000; i++) {
            LocalDate date = LocalDate.ofEpochDay(random.nextInt(3_000_000) - 1_000_000);
            String text = date.toString();
            if (date.getYear() > 9999 || date.getYear() < 0) {
                continue;
            }
            byte[] b = bytes(text);
            assertThat(DateTimeParser.parseDate(b, 0, b.length)).as(text).isEqualTo(date.toEpochDay());
        }
        byte[] leap = bytes("2000-02-29");
        assertThat(DateTimeParser.parseDate(leap, 0, leap.length)).isEqualTo(LocalDate.of(2000, 2, 29).toEpochDay());
        for (String bad : new String[] {"1900-02-29", "2021-04-31", "2021-13-01", "2021-00-10", "21-01-01", "2021-01", "2021-01-01x"}) {
            byte[] b = bytes(bad);
            assertThatThrownBy(() -> DateTimeParser.parseDate(b, 0, b.length)).as(bad).isInstanceOf(ValueFormatException.class);
        }
    }

    @Test
    void timestampsMatchTheJdk() {
        Random random = new Random(5);
        for (int i = 0; i < 100_000; i++) {
            LocalDateTime time = LocalDateTime.of(1900 + random.nextInt(300), 1 + random.nextInt(12), 1 + random.nextInt(28), random.nextInt(24),
                    random.nextInt(60), random.nextInt(60), random.nextInt(1_000_000) * 1000);
            String text = time.toString().replace('T', random.nextBoolean() ? 'T' : ' ');
            byte[] b = bytes(text);
            assertThat(DateTimeParser.parseTimestamp(b, 0, b.length, true)).as(text).isEqualTo(Values.toEpochMicros(time));
        }
        byte[] zoned = bytes("2020-01-01 00:30:00+01:00");
        assertThat(Values.fromEpochMicros(DateTimeParser.parseTimestamp(zoned, 0, zoned.length, true)))
                .isEqualTo(LocalDateTime.of(2019, 12, 31, 23, 30));
        byte[] dateOnly = bytes("2020-01-01");
        assertThatThrownBy(() -> DateTimeParser.parseTimestamp(dateOnly, 0, dateOnly.length, true)).isInstanceOf(ValueFormatException.class);
        assertThat(DateTimeParser.parseTimestamp(dateOnly, 0, dateOnly.length, false)).isEqualTo(Values.toEpochMicros(LocalDateTime.of(2020, 1, 1, 0, 0)));
    }

    @Test
    void booleans() {
        for (String yes : new String[] {"true", "TRUE", "t", "T", "yes", "Y", "1"}) {
            byte[] b = bytes(yes);
            assertThat(BooleanParser.parse(b, 0, b.length)).as(yes).isTrue();
        }
        for (String no : new String[] {"false", "False", "f", "no", "N", "0"}) {
            byte[] b = bytes(no);
            assertThat(BooleanParser.parse(b, 0, b.length)).as(no).isFalse();
        }
        byte[] padded = bytes(" true");
        assertThatThrownBy(() -> BooleanParser.parse(padded, 0, padded.length)).isInstanceOf(ValueFormatException.class);
    }

    @Test
    void utf8ValidationAndEncoding() {
        String text = "ascii é 日本 🚀 and more ascii";
        byte[] b = bytes(text);
        assertThat(Utf8.isValid(b, 0, b.length)).isTrue();
        assertThat(Utf8.isValid(new byte[] {'a', (byte) 0xC3}, 0, 2)).isFalse();
        assertThat(Utf8.isValid(new byte[] {(byte) 0xC0, (byte) 0x80}, 0, 2)).as("overlong").isFalse();
        assertThat(Utf8.isValid(new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80}, 0, 3)).as("surrogate").isFalse();
        char[] chars = text.toCharArray();
        byte[] encoded = new byte[chars.length * 3];
        int length = Utf8.encode(chars, 0, chars.length, encoded);
        assertThat(new String(encoded, 0, length, StandardCharsets.UTF_8)).isEqualTo(text);
    }
}

package dev.spillway.exec.eval;

/**
 * Epoch days to and from year/month/day without allocation, using the days-from-civil algorithm
 * (proleptic Gregorian, as java.time and DuckDB).
 */
final class CivilDates {
    private CivilDates() {}

    /** Packs year, month and day of an epoch day as {@code year << 9 | month << 5 | day}. */
    static long civil(long epochDay) {
        long z = epochDay + 719468;
        long era = Math.floorDiv(z, 146097);
        long dayOfEra = z - era * 146097;
        long yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146096) / 365;
        long year = yearOfEra + era * 400;
        long dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100);
        long mp = (5 * dayOfYear + 2) / 153;
        long day = dayOfYear - (153 * mp + 2) / 5 + 1;
        long month = mp < 10 ? mp + 3 : mp - 9;
        if (month <= 2) {
            year++;
        }
        return year << 9 | month << 5 | day;
    }

    static long year(long packed) {
        return packed >> 9;
    }

    static int month(long packed) {
        return (int) (packed >> 5) & 15;
    }

    static int day(long packed) {
        return (int) packed & 31;
    }

    static long epochDay(long year, int month, int day) {
        long y = month <= 2 ? year - 1 : year;
        long era = Math.floorDiv(y, 400);
        long yearOfEra = y - era * 400;
        long mp = month > 2 ? month - 3 : month + 9;
        long dayOfYear = (153 * mp + 2) / 5 + day - 1;
        long dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear;
        return era * 146097 + dayOfEra - 719468;
    }

    static int daysInMonth(long year, int month) {
        return switch (month) {
            case 2 -> (year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)) ? 29 : 28;
            case 4, 6, 9, 11 -> 30;
            default -> 31;
        };
    }

    /** Adds months to an epoch day, clamping the day to the end of the target month (Jan 31 + 1 month = Feb 28/29). */
    static long plusMonths(long epochDay, int months) {
        if (months == 0) {
            return epochDay;
        }
        long packed = civil(epochDay);
        long total = year(packed) * 12 + (month(packed) - 1) + months;
        long year = Math.floorDiv(total, 12);
        int month = (int) Math.floorMod(total, 12) + 1;
        int day = Math.min(day(packed), daysInMonth(year, month));
        return epochDay(year, month, day);
    }
}

-- Aggregates in combination: several per query, over expressions, grouped by expressions, filtered.

SELECT count(*), count(i), count(DISTINCT k), sum(i), avg(i), min(d), max(d), min(s), max(s), min(dt), max(ts), bool_and(flag), bool_or(flag) FROM t;

SELECT k, count(*), sum(dec18), avg(dec18), min(dec38), max(dec38), sum(dec4) FROM t GROUP BY k;

SELECT flag, stddev_samp(i), stddev_pop(d), var_samp(dec18), var_pop(b) FROM t GROUP BY flag;

SELECT extract(year FROM dt) AS y, count(*), sum(i) FROM t GROUP BY y HAVING count(*) > 2;

SELECT s, count(*) AS n FROM t GROUP BY s HAVING count(*) > 5 AND max(i) > 0;

SELECT k, any_value(k) AS same FROM t GROUP BY k;

SELECT count(*) FROM t WHERE i > (SELECT avg(i) FROM t);

SELECT sum(i) / count(i) AS mean, avg(i) AS avg FROM t;

SELECT k, sum(i) FILTER (WHERE flag) AS on_sum, count(*) FILTER (WHERE NOT flag) AS off_count FROM t GROUP BY k;

SELECT count(DISTINCT s) FROM t WHERE flag;

SELECT k % 3 AS m, count(DISTINCT dt) FROM t GROUP BY m;

SELECT min(k), max(k), sum(k), count(k) FROM empty_t;

SELECT k, count(*) FROM empty_t GROUP BY k;

SELECT sum(d), avg(d), stddev_samp(d) FROM one_t;

-- known-bug: MULTIPLE_DISTINCT_AGGREGATES
SELECT count(DISTINCT k), count(DISTINCT s) FROM t;

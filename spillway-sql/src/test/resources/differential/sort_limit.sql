-- Sorts, top-N and LIMIT/OFFSET in combination with other operators.

SELECT k, count(*) AS n FROM t GROUP BY k ORDER BY n DESC, k NULLS FIRST LIMIT 10;

SELECT id, s FROM t WHERE s IS NOT NULL ORDER BY length(s) DESC, s, id LIMIT 15;

SELECT id, d FROM t ORDER BY abs(d) DESC NULLS LAST, id LIMIT 10 OFFSET 5;

SELECT DISTINCT s FROM t ORDER BY s NULLS FIRST LIMIT 20;

SELECT id, dt, ts FROM t ORDER BY dt DESC NULLS FIRST, ts, id LIMIT 30;

SELECT s, k FROM (SELECT s, k FROM t UNION ALL SELECT s, k FROM u) q ORDER BY s DESC NULLS LAST, k NULLS FIRST;

SELECT id FROM t ORDER BY id LIMIT 0;

SELECT id FROM t ORDER BY id DESC LIMIT 3 OFFSET 3998;

SELECT id, flag, dec38 FROM t ORDER BY flag, dec38 DESC, id;

-- Full sorts (no LIMIT) over every row: the first key is packed with the row reference when its values fit
-- (integers, dates, timestamps, narrow doubles, string prefixes), ties and later keys resolved afterwards.
SELECT id, k, i FROM t ORDER BY k NULLS FIRST, id;

SELECT id, k, i FROM t ORDER BY k DESC NULLS LAST, i DESC NULLS FIRST, id;

SELECT id, i FROM t ORDER BY i DESC, id DESC;

SELECT id, b FROM t ORDER BY b NULLS FIRST, id;

SELECT id, dt, ts FROM t ORDER BY dt NULLS LAST, id;

SELECT id, ts FROM t ORDER BY ts DESC NULLS FIRST, id;

SELECT id, s FROM t ORDER BY s NULLS FIRST, id;

SELECT id, s FROM t ORDER BY s DESC NULLS LAST, id DESC;

SELECT id, x FROM (SELECT id, 'same-long-prefix-' || CAST(id % 97 AS VARCHAR) AS x FROM t) q ORDER BY x DESC, id;

SELECT id, d FROM special_t ORDER BY d NULLS FIRST, id;

SELECT id, y FROM (SELECT id, CAST(id % 50 AS DOUBLE) * -0.5 AS y FROM t) q ORDER BY y, id DESC;

SELECT id, z FROM (SELECT id, (id % 7) - 3 AS z FROM t UNION ALL SELECT id, 9223372036854775807 - id FROM t WHERE id < 5
  UNION ALL SELECT id, -9223372036854775807 + id FROM t WHERE id < 5) q ORDER BY z, id;

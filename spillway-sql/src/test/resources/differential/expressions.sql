-- Expressions across columns of several types; each statement runs in Spillway and DuckDB.

SELECT id, i * 2 + b % 5 - k AS mixed FROM t;

SELECT id, CASE WHEN i IS NULL THEN -1 WHEN i < 0 THEN 0 ELSE i END AS clamped, coalesce(s, '?') || '/' || coalesce(CAST(dt AS VARCHAR), '?') AS label FROM t;

SELECT id, CASE k WHEN 0 THEN 'zero' WHEN 1 THEN 'one' ELSE 'many' END AS word FROM t;

SELECT id, nullif(k, 0) AS nonzero, ifnull(i, k) AS either FROM t;

SELECT id FROM t WHERE (i > 0 AND flag) OR (i < 0 AND NOT flag) OR (i IS NULL AND flag IS NULL);

SELECT id, (i > 0) = flag AS agree, (i > 0) IS DISTINCT FROM flag AS disagree FROM t;

SELECT id FROM t WHERE s LIKE '%a%' AND dt BETWEEN DATE '1950-01-01' AND DATE '2050-12-31' AND d IS NOT NULL;

SELECT id, length(s) + i AS n, upper(substring(s, 1, 1)) || lower(substring(s, 2)) AS capitalized FROM t;

SELECT id, extract(year FROM dt) * 100 + extract(month FROM dt) AS period FROM t;

SELECT id, CAST(i AS VARCHAR) || ':' || CAST(dec4 AS VARCHAR) AS text FROM t;

SELECT id, CAST(CAST(i AS VARCHAR) AS INTEGER) = i AS round_trip FROM t;

SELECT id, round(d, 2) AS r2, round(dec18, 1) AS r1, round(dec38, 5) AS r5 FROM t;

SELECT id, abs(dec38) AS a, -dec38 AS n, dec38 + dec18 AS s FROM t;

SELECT id, d * 0 AS zero, -d AS negated, d = -d AS symmetric FROM t WHERE d IS NOT NULL;

SELECT id, i / NULLIF(k, 0) AS ratio FROM t;

SELECT id, sqrt(abs(d)) AS root, exp(i / 10000.0) AS grown, ln(abs(d) + 1) AS logged, power(abs(i) / 1000.0, 2) AS squared FROM t;

-- 'x' IS DISTINCT FROM 'a': the front end takes FROM 'a' for a file
-- known-bug: DISTINCT_FROM_STRING_LITERAL
SELECT id, s IS DISTINCT FROM 'a' AS differs FROM t;

SELECT sum(i * 2), sum(CASE WHEN flag THEN i ELSE 0 END) FROM t;

-- known-bug: ORDER_BY_DUPLICATE_OUTPUT
SELECT id, id FROM t ORDER BY id;

-- known-bug: INTEGER_DIVISION_IS_A_COMMENT
SELECT id, i // 7 AS quotient FROM t WHERE i IS NOT NULL;

-- Sub-queries, CTEs and derived tables over the random tables.

SELECT id, d FROM t WHERE d > (SELECT avg(d) FROM t) AND d < (SELECT max(d) FROM t);

SELECT id FROM t WHERE i = (SELECT max(i) FROM t WHERE flag);

SELECT id FROM t WHERE k IN (SELECT k FROM u WHERE w > 0) AND s NOT IN (SELECT s FROM u WHERE s IS NOT NULL AND uid < 50);

SELECT id FROM t WHERE EXISTS (SELECT 1 FROM u WHERE u.k = t.k AND u.w > t.d);

SELECT id FROM t WHERE NOT EXISTS (SELECT 1 FROM u WHERE u.s = t.s) AND EXISTS (SELECT 1 FROM u WHERE u.dt = t.dt);

SELECT id FROM t WHERE d > (SELECT avg(w) FROM u WHERE u.s = t.s);

SELECT id FROM t WHERE i > (SELECT min(i) FROM t t2 WHERE t2.k = t.k AND t2.flag);

WITH per_key AS (SELECT k, count(*) AS n, avg(d) AS mean FROM t GROUP BY k)
SELECT t.id, per_key.n, t.d - per_key.mean AS deviation FROM t JOIN per_key ON t.k = per_key.k WHERE per_key.n > 1;

WITH a AS (SELECT k, s FROM t WHERE i > 0), b AS (SELECT k, s FROM u WHERE w > 0)
SELECT a.k, count(*) FROM a JOIN b ON a.k = b.k AND a.s = b.s GROUP BY a.k;

SELECT bucket, count(*), sum(total) FROM (SELECT k % 10 AS bucket, sum(i) AS total FROM t GROUP BY k) q GROUP BY bucket;

SELECT * FROM (SELECT id, i FROM t WHERE i > 0 ORDER BY i DESC, id LIMIT 50) q WHERE id % 2 = 0;

SELECT count(*) FROM (SELECT DISTINCT k FROM t) a JOIN (SELECT DISTINCT k FROM u) b ON a.k = b.k;

SELECT k, (SELECT max(w) FROM u WHERE u.k = t.k) AS best FROM t WHERE id < 200;

-- known-bug: CORRELATED_COUNT_SUBQUERY
SELECT id, (SELECT count(*) FROM u WHERE u.k = t.k) AS matches FROM t;

-- known-bug: IN_SUBQUERY_AS_VALUE
SELECT id, k IN (SELECT k FROM u) AS matched FROM t;

-- Training days used to be created the first time someone read a call's attendance sheet; they are
-- now written with the call's dates. Calls whose sheet was never read get theirs here, as
-- defaultTrainingDays (packages/domain) makes them: every date from start to end but Sundays, or
-- the start date alone when that leaves none. Calls that already have days keep them as they are.
INSERT INTO "training_days" ("id", "call_id", "date")
SELECT gen_random_uuid(), c."id", d::date
FROM "training_calls" c
CROSS JOIN LATERAL generate_series(c."start_date"::timestamp, c."end_date"::timestamp, interval '1 day') AS d
WHERE EXTRACT(ISODOW FROM d) <> 7
  AND NOT EXISTS (SELECT 1 FROM "training_days" t WHERE t."call_id" = c."id");

INSERT INTO "training_days" ("id", "call_id", "date")
SELECT gen_random_uuid(), c."id", c."start_date"
FROM "training_calls" c
WHERE NOT EXISTS (SELECT 1 FROM "training_days" t WHERE t."call_id" = c."id");

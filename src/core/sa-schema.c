/* sa-schema.c: the tables and their migrations
 *
 * Each migration is frozen once released: a database at version N is brought to
 * N + 1 by exactly the SQL below, whatever the tables' descriptions say today. A test
 * checks that the migrated database and the descriptions agree.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "sasaeai"

#include "config.h"

#include "sa-plan.h"
#include "sa-section.h"
#include "sa-situation-note.h"
#include "sa-goal.h"
#include "sa-initiative.h"
#include "sa-actor.h"
#include "sa-organization.h"
#include "sa-district.h"
#include "sa-expected-action.h"
#include "sa-commitment.h"
#include "sa-schedule-phase.h"
#include "sa-activity.h"
#include "sa-activity-link.h"
#include "sa-review.h"
#include "sa-rating-level.h"
#include "sa-resource.h"
#include "sa-resource-link.h"
#include "sa-schema.h"

const SaTable * const sa_schema_tables[] = {
  &sa_district_table,  /* a district plan names its district */
  &sa_plan_table,
  &sa_section_table,
  &sa_situation_note_table,
  &sa_goal_table,
  &sa_initiative_table,
  &sa_actor_table,
  &sa_organization_table,
  &sa_expected_action_table,
  &sa_commitment_table,
  &sa_schedule_phase_table,
  &sa_activity_table,
  &sa_activity_link_table,
  &sa_review_table,
  &sa_rating_level_table,
  &sa_resource_table,
  &sa_resource_link_table,
};

const guint sa_schema_n_tables = G_N_ELEMENTS (sa_schema_tables);

/* Version 1: every entity, the sites, local settings and the history of overwritten
 * versions. */
static const char migration_1[] =
  "CREATE TABLE plan (\n"
  "  id TEXT PRIMARY KEY NOT NULL,\n"
  "  hlc TEXT NOT NULL,\n"
  "  site TEXT NOT NULL,\n"
  "  deleted INTEGER NOT NULL DEFAULT 0,\n"
  "  clocks TEXT,\n"
  "  title TEXT NOT NULL,\n"
  "  area TEXT,\n"
  "  first_fy INTEGER NOT NULL DEFAULT 1868,\n"
  "  last_fy INTEGER NOT NULL DEFAULT 1868,\n"
  "  slogan TEXT\n"
  ");\n"
  "CREATE TABLE section (\n"
  "  id TEXT PRIMARY KEY NOT NULL,\n"
  "  hlc TEXT NOT NULL,\n"
  "  site TEXT NOT NULL,\n"
  "  deleted INTEGER NOT NULL DEFAULT 0,\n"
  "  clocks TEXT,\n"
  "  plan_id TEXT NOT NULL REFERENCES plan (id) DEFERRABLE INITIALLY DEFERRED,\n"
  "  label TEXT,\n"
  "  title TEXT NOT NULL,\n"
  "  position INTEGER NOT NULL DEFAULT 0\n"
  ");\n"
  "CREATE TABLE situation_note (\n"
  "  id TEXT PRIMARY KEY NOT NULL,\n"
  "  hlc TEXT NOT NULL,\n"
  "  site TEXT NOT NULL,\n"
  "  deleted INTEGER NOT NULL DEFAULT 0,\n"
  "  clocks TEXT,\n"
  "  section_id TEXT NOT NULL REFERENCES section (id) DEFERRABLE INITIALLY DEFERRED,\n"
  "  kind TEXT NOT NULL,\n"
  "  text TEXT NOT NULL,\n"
  "  position INTEGER NOT NULL DEFAULT 0\n"
  ");\n"
  "CREATE TABLE goal (\n"
  "  id TEXT PRIMARY KEY NOT NULL,\n"
  "  hlc TEXT NOT NULL,\n"
  "  site TEXT NOT NULL,\n"
  "  deleted INTEGER NOT NULL DEFAULT 0,\n"
  "  clocks TEXT,\n"
  "  section_id TEXT NOT NULL REFERENCES section (id) DEFERRABLE INITIALLY DEFERRED,\n"
  "  number INTEGER NOT NULL DEFAULT 1,\n"
  "  title TEXT NOT NULL\n"
  ");\n"
  "CREATE TABLE initiative (\n"
  "  id TEXT PRIMARY KEY NOT NULL,\n"
  "  hlc TEXT NOT NULL,\n"
  "  site TEXT NOT NULL,\n"
  "  deleted INTEGER NOT NULL DEFAULT 0,\n"
  "  clocks TEXT,\n"
  "  goal_id TEXT NOT NULL REFERENCES goal (id) DEFERRABLE INITIALLY DEFERRED,\n"
  "  title TEXT NOT NULL,\n"
  "  position INTEGER NOT NULL DEFAULT 0\n"
  ");\n"
  "CREATE TABLE actor (\n"
  "  id TEXT PRIMARY KEY NOT NULL,\n"
  "  hlc TEXT NOT NULL,\n"
  "  site TEXT NOT NULL,\n"
  "  deleted INTEGER NOT NULL DEFAULT 0,\n"
  "  clocks TEXT,\n"
  "  plan_id TEXT NOT NULL REFERENCES plan (id) DEFERRABLE INITIALLY DEFERRED,\n"
  "  name TEXT NOT NULL,\n"
  "  kind TEXT NOT NULL,\n"
  "  position INTEGER NOT NULL DEFAULT 0\n"
  ");\n"
  "CREATE TABLE organization (\n"
  "  id TEXT PRIMARY KEY NOT NULL,\n"
  "  hlc TEXT NOT NULL,\n"
  "  site TEXT NOT NULL,\n"
  "  deleted INTEGER NOT NULL DEFAULT 0,\n"
  "  clocks TEXT,\n"
  "  actor_id TEXT NOT NULL REFERENCES actor (id) DEFERRABLE INITIALLY DEFERRED,\n"
  "  name TEXT NOT NULL\n"
  ");\n"
  "CREATE TABLE district (\n"
  "  id TEXT PRIMARY KEY NOT NULL,\n"
  "  hlc TEXT NOT NULL,\n"
  "  site TEXT NOT NULL,\n"
  "  deleted INTEGER NOT NULL DEFAULT 0,\n"
  "  clocks TEXT,\n"
  "  name TEXT NOT NULL,\n"
  "  position INTEGER NOT NULL DEFAULT 0\n"
  ");\n"
  "CREATE TABLE expected_action (\n"
  "  id TEXT PRIMARY KEY NOT NULL,\n"
  "  hlc TEXT NOT NULL,\n"
  "  site TEXT NOT NULL,\n"
  "  deleted INTEGER NOT NULL DEFAULT 0,\n"
  "  clocks TEXT,\n"
  "  goal_id TEXT NOT NULL REFERENCES goal (id) DEFERRABLE INITIALLY DEFERRED,\n"
  "  actor_id TEXT NOT NULL REFERENCES actor (id) DEFERRABLE INITIALLY DEFERRED,\n"
  "  text TEXT NOT NULL,\n"
  "  position INTEGER NOT NULL DEFAULT 0\n"
  ");\n"
  "CREATE TABLE commitment (\n"
  "  id TEXT PRIMARY KEY NOT NULL,\n"
  "  hlc TEXT NOT NULL,\n"
  "  site TEXT NOT NULL,\n"
  "  deleted INTEGER NOT NULL DEFAULT 0,\n"
  "  clocks TEXT,\n"
  "  goal_id TEXT NOT NULL REFERENCES goal (id) DEFERRABLE INITIALLY DEFERRED,\n"
  "  actor_id TEXT NOT NULL REFERENCES actor (id) DEFERRABLE INITIALLY DEFERRED,\n"
  "  text TEXT NOT NULL,\n"
  "  target_text TEXT,\n"
  "  target_value INTEGER,\n"
  "  target_unit TEXT,\n"
  "  position INTEGER NOT NULL DEFAULT 0\n"
  ");\n"
  "CREATE TABLE schedule_phase (\n"
  "  id TEXT PRIMARY KEY NOT NULL,\n"
  "  hlc TEXT NOT NULL,\n"
  "  site TEXT NOT NULL,\n"
  "  deleted INTEGER NOT NULL DEFAULT 0,\n"
  "  clocks TEXT,\n"
  "  commitment_id TEXT NOT NULL REFERENCES commitment (id) DEFERRABLE INITIALLY DEFERRED,\n"
  "  label TEXT NOT NULL,\n"
  "  start_fy INTEGER NOT NULL DEFAULT 1868,\n"
  "  end_fy INTEGER NOT NULL DEFAULT 1868\n"
  ");\n"
  "CREATE TABLE activity (\n"
  "  id TEXT PRIMARY KEY NOT NULL,\n"
  "  hlc TEXT NOT NULL,\n"
  "  site TEXT NOT NULL,\n"
  "  deleted INTEGER NOT NULL DEFAULT 0,\n"
  "  clocks TEXT,\n"
  "  date TEXT NOT NULL,\n"
  "  time TEXT,\n"
  "  title TEXT NOT NULL,\n"
  "  organization_id TEXT REFERENCES organization (id) DEFERRABLE INITIALLY DEFERRED,\n"
  "  district_id TEXT REFERENCES district (id) DEFERRABLE INITIALLY DEFERRED,\n"
  "  place TEXT,\n"
  "  participants INTEGER NOT NULL DEFAULT 0,\n"
  "  volunteers INTEGER NOT NULL DEFAULT 0,\n"
  "  notes TEXT\n"
  ");\n"
  "CREATE TABLE activity_commitment (\n"
  "  id TEXT PRIMARY KEY NOT NULL,\n"
  "  hlc TEXT NOT NULL,\n"
  "  site TEXT NOT NULL,\n"
  "  deleted INTEGER NOT NULL DEFAULT 0,\n"
  "  clocks TEXT,\n"
  "  activity_id TEXT NOT NULL REFERENCES activity (id) DEFERRABLE INITIALLY DEFERRED,\n"
  "  commitment_id TEXT NOT NULL REFERENCES commitment (id) DEFERRABLE INITIALLY DEFERRED\n"
  ");\n"
  "CREATE TABLE review (\n"
  "  id TEXT PRIMARY KEY NOT NULL,\n"
  "  hlc TEXT NOT NULL,\n"
  "  site TEXT NOT NULL,\n"
  "  deleted INTEGER NOT NULL DEFAULT 0,\n"
  "  clocks TEXT,\n"
  "  commitment_id TEXT NOT NULL REFERENCES commitment (id) DEFERRABLE INITIALLY DEFERRED,\n"
  "  fiscal_year INTEGER NOT NULL DEFAULT 1868,\n"
  "  status TEXT,\n"
  "  progress_value INTEGER,\n"
  "  achievements TEXT,\n"
  "  evaluation TEXT,\n"
  "  next_steps TEXT\n"
  ");\n"
  "CREATE TABLE site (\n"
  "  id TEXT PRIMARY KEY NOT NULL,\n"
  "  name TEXT NOT NULL DEFAULT '',\n"
  "  is_self INTEGER NOT NULL DEFAULT 0,\n"
  "  last_hlc TEXT\n"
  ");\n"
  "CREATE TABLE meta (\n"
  "  key TEXT PRIMARY KEY NOT NULL,\n"
  "  value TEXT\n"
  ");\n"
  "CREATE TABLE history (\n"
  "  seq INTEGER PRIMARY KEY AUTOINCREMENT,\n"
  "  table_name TEXT NOT NULL,\n"
  "  row_id TEXT NOT NULL,\n"
  "  hlc TEXT NOT NULL,\n"
  "  site TEXT NOT NULL,\n"
  "  deleted INTEGER NOT NULL,\n"
  "  clocks TEXT,\n"
  "  fields TEXT NOT NULL,\n"
  "  reason TEXT NOT NULL,\n"
  "  saved_at TEXT NOT NULL\n"
  ");\n"
  "CREATE INDEX history_row ON history (table_name, row_id);\n";

/* Version 2: indexes for the views' lookups by parent and by date. */
static const char migration_2[] =
  "CREATE INDEX section_plan ON section (plan_id);\n"
  "CREATE INDEX situation_note_section ON situation_note (section_id);\n"
  "CREATE INDEX goal_section ON goal (section_id);\n"
  "CREATE INDEX initiative_goal ON initiative (goal_id);\n"
  "CREATE INDEX actor_plan ON actor (plan_id);\n"
  "CREATE INDEX organization_actor ON organization (actor_id);\n"
  "CREATE INDEX expected_action_goal ON expected_action (goal_id);\n"
  "CREATE INDEX commitment_goal ON commitment (goal_id);\n"
  "CREATE INDEX schedule_phase_commitment ON schedule_phase (commitment_id);\n"
  "CREATE INDEX activity_date ON activity (date);\n"
  "CREATE INDEX activity_organization ON activity (organization_id, date);\n"
  "CREATE INDEX activity_district ON activity (district_id, date);\n"
  "CREATE INDEX activity_commitment_activity ON activity_commitment (activity_id);\n"
  "CREATE INDEX activity_commitment_commitment ON activity_commitment (commitment_id);\n"
  "CREATE INDEX review_commitment ON review (commitment_id, fiscal_year);\n";

/* Version 3: ids in lower case, as every id is now stored and compared, so a row
 * another program wrote with an upper-case id is found by it. A row whose lower-case
 * twin already exists keeps its id (OR IGNORE): both stay, nothing is lost. */
static const char migration_3[] =
  "UPDATE OR IGNORE plan SET id = lower(id) WHERE id <> lower(id);\n"
  "UPDATE OR IGNORE section SET id = lower(id) WHERE id <> lower(id);\n"
  "UPDATE section SET plan_id = lower(plan_id) WHERE plan_id <> lower(plan_id);\n"
  "UPDATE OR IGNORE situation_note SET id = lower(id) WHERE id <> lower(id);\n"
  "UPDATE situation_note SET section_id = lower(section_id) WHERE section_id <> lower(section_id);\n"
  "UPDATE OR IGNORE goal SET id = lower(id) WHERE id <> lower(id);\n"
  "UPDATE goal SET section_id = lower(section_id) WHERE section_id <> lower(section_id);\n"
  "UPDATE OR IGNORE initiative SET id = lower(id) WHERE id <> lower(id);\n"
  "UPDATE initiative SET goal_id = lower(goal_id) WHERE goal_id <> lower(goal_id);\n"
  "UPDATE OR IGNORE actor SET id = lower(id) WHERE id <> lower(id);\n"
  "UPDATE actor SET plan_id = lower(plan_id) WHERE plan_id <> lower(plan_id);\n"
  "UPDATE OR IGNORE organization SET id = lower(id) WHERE id <> lower(id);\n"
  "UPDATE organization SET actor_id = lower(actor_id) WHERE actor_id <> lower(actor_id);\n"
  "UPDATE OR IGNORE district SET id = lower(id) WHERE id <> lower(id);\n"
  "UPDATE OR IGNORE expected_action SET id = lower(id) WHERE id <> lower(id);\n"
  "UPDATE expected_action SET goal_id = lower(goal_id) WHERE goal_id <> lower(goal_id);\n"
  "UPDATE expected_action SET actor_id = lower(actor_id) WHERE actor_id <> lower(actor_id);\n"
  "UPDATE OR IGNORE commitment SET id = lower(id) WHERE id <> lower(id);\n"
  "UPDATE commitment SET goal_id = lower(goal_id) WHERE goal_id <> lower(goal_id);\n"
  "UPDATE commitment SET actor_id = lower(actor_id) WHERE actor_id <> lower(actor_id);\n"
  "UPDATE OR IGNORE schedule_phase SET id = lower(id) WHERE id <> lower(id);\n"
  "UPDATE schedule_phase SET commitment_id = lower(commitment_id) WHERE commitment_id <> lower(commitment_id);\n"
  "UPDATE OR IGNORE activity SET id = lower(id) WHERE id <> lower(id);\n"
  "UPDATE activity SET organization_id = lower(organization_id) WHERE organization_id <> lower(organization_id);\n"
  "UPDATE activity SET district_id = lower(district_id) WHERE district_id <> lower(district_id);\n"
  "UPDATE OR IGNORE activity_commitment SET id = lower(id) WHERE id <> lower(id);\n"
  "UPDATE activity_commitment SET activity_id = lower(activity_id) WHERE activity_id <> lower(activity_id);\n"
  "UPDATE activity_commitment SET commitment_id = lower(commitment_id) WHERE commitment_id <> lower(commitment_id);\n"
  "UPDATE OR IGNORE review SET id = lower(id) WHERE id <> lower(id);\n"
  "UPDATE review SET commitment_id = lower(commitment_id) WHERE commitment_id <> lower(commitment_id);\n"
  "UPDATE history SET row_id = lower(row_id) WHERE row_id <> lower(row_id);\n";

/* Version 4: the identity of the file the database lives in, kept with this site's
 * own row, so that a copy of the file can tell it is one (sa-store-sites.c). */
static const char migration_4[] =
  "ALTER TABLE site ADD COLUMN file_id TEXT;\n";

/* Version 5: the yearly review takes its final shape, and each plan may have its own
 * rating scale. No version wrote a review before, so the table is made anew. */
static const char migration_5[] =
  "DROP INDEX review_commitment;\n"
  "DROP TABLE review;\n"
  "CREATE TABLE review (\n"
  "  id TEXT PRIMARY KEY NOT NULL,\n"
  "  hlc TEXT NOT NULL,\n"
  "  site TEXT NOT NULL,\n"
  "  deleted INTEGER NOT NULL DEFAULT 0,\n"
  "  clocks TEXT,\n"
  "  commitment_id TEXT NOT NULL REFERENCES commitment (id) DEFERRABLE INITIALLY DEFERRED,\n"
  "  fiscal_year INTEGER NOT NULL DEFAULT 1868,\n"
  "  rating TEXT,\n"
  "  results TEXT,\n"
  "  issues TEXT,\n"
  "  next TEXT\n"
  ");\n"
  "CREATE INDEX review_commitment ON review (commitment_id, fiscal_year);\n"
  "CREATE TABLE rating_level (\n"
  "  id TEXT PRIMARY KEY NOT NULL,\n"
  "  hlc TEXT NOT NULL,\n"
  "  site TEXT NOT NULL,\n"
  "  deleted INTEGER NOT NULL DEFAULT 0,\n"
  "  clocks TEXT,\n"
  "  plan_id TEXT NOT NULL REFERENCES plan (id) DEFERRABLE INITIALLY DEFERRED,\n"
  "  code TEXT NOT NULL,\n"
  "  label TEXT NOT NULL,\n"
  "  position INTEGER NOT NULL DEFAULT 0\n"
  ");\n"
  "CREATE INDEX rating_level_plan ON rating_level (plan_id);\n";

/* Version 6: a target says how its progress is measured, and a review may hold the
 * progress entered by hand. Existing targets get the measure the review used to guess
 * from their words: 全地区 counts districts, 回 activities, か所 places. The register
 * of local resources, which a target in places counts, and their links to commitments. */
static const char migration_6[] =
  "ALTER TABLE commitment ADD COLUMN target_measure TEXT;\n"
  "UPDATE commitment SET target_measure = CASE\n"
  "  WHEN instr(target_text, '全地区') > 0 THEN 'districts'\n"
  "  WHEN target_unit = '回' THEN 'activities'\n"
  "  WHEN target_unit IN ('か所', '箇所', 'カ所', 'ヶ所', 'ケ所') THEN 'places'\n"
  "  END;\n"
  "ALTER TABLE review ADD COLUMN actual INTEGER;\n"
  "CREATE TABLE resource (\n"
  "  id TEXT PRIMARY KEY NOT NULL,\n"
  "  hlc TEXT NOT NULL,\n"
  "  site TEXT NOT NULL,\n"
  "  deleted INTEGER NOT NULL DEFAULT 0,\n"
  "  clocks TEXT,\n"
  "  name TEXT NOT NULL,\n"
  "  kind TEXT NOT NULL,\n"
  "  district_id TEXT REFERENCES district (id) DEFERRABLE INITIALLY DEFERRED,\n"
  "  opened TEXT NOT NULL,\n"
  "  closed TEXT,\n"
  "  notes TEXT\n"
  ");\n"
  "CREATE INDEX resource_district ON resource (district_id);\n"
  "CREATE TABLE resource_commitment (\n"
  "  id TEXT PRIMARY KEY NOT NULL,\n"
  "  hlc TEXT NOT NULL,\n"
  "  site TEXT NOT NULL,\n"
  "  deleted INTEGER NOT NULL DEFAULT 0,\n"
  "  clocks TEXT,\n"
  "  resource_id TEXT NOT NULL REFERENCES resource (id) DEFERRABLE INITIALLY DEFERRED,\n"
  "  commitment_id TEXT NOT NULL REFERENCES commitment (id) DEFERRABLE INITIALLY DEFERRED\n"
  ");\n"
  "CREATE INDEX resource_commitment_resource ON resource_commitment (resource_id);\n"
  "CREATE INDEX resource_commitment_commitment ON resource_commitment (commitment_id);\n";

/* Version 7: many plans in one database. A plan may be a district's and belong to a
 * ward plan; a commitment of a new period names the one it carries over and how. */
static const char migration_7[] =
  "ALTER TABLE plan ADD COLUMN district_id TEXT REFERENCES district (id) DEFERRABLE INITIALLY DEFERRED;\n"
  "ALTER TABLE plan ADD COLUMN parent_id TEXT REFERENCES plan (id) DEFERRABLE INITIALLY DEFERRED;\n"
  "ALTER TABLE commitment ADD COLUMN predecessor_id TEXT REFERENCES commitment (id) DEFERRABLE INITIALLY DEFERRED;\n"
  "ALTER TABLE commitment ADD COLUMN carry_over TEXT;\n"
  "CREATE INDEX commitment_predecessor ON commitment (predecessor_id);\n";

/* Version 8: how far this database has merged each site's files in each shared sync
 * folder, and what it last wrote there itself. Local: never synced. */
static const char migration_8[] =
  "CREATE TABLE sync_folder (\n"
  "  folder TEXT NOT NULL,\n"
  "  source TEXT NOT NULL,\n"
  "  segment INTEGER NOT NULL DEFAULT 0,\n"
  "  clock TEXT,\n"
  "  stamp TEXT,\n"
  "  PRIMARY KEY (folder, source)\n"
  ");\n";

/* Version 9: each activity costs what its data does. The activity indexes by
 * organization and by district go: no view or report looks activities up by them
 * (they group a date range that activity_date finds), and the one count that filters
 * by them, before an organization or a district is deleted, reads the table once.
 * The link table keeps its shape: the window then learned of changed links through
 * SQLite's update hook, which tables WITHOUT ROWID do not call. A database that lost
 * the indexes some other way still opens. */
static const char migration_9[] =
  "DROP INDEX IF EXISTS activity_organization;\n"
  "DROP INDEX IF EXISTS activity_district;\n";

/* Version 10: which rows this site wrote, with the clock of its latest write of each
 * (a row's latest clock: when the row's last writer is this site, that clock is its
 * own), so a shared folder's next segment reads the rows written since the last one
 * instead of every row of this site. Kept by triggers, whatever writes the row (an
 * upsert: a writer's own conflict clause would override OR REPLACE); local:
 * never synced. Filled for the rows this site wrote a field of (a clock no smaller than
 * its own latest one: a row in too many is read and left out, never one too few). */
#define OWN_WRITE_SELF "(SELECT id FROM site WHERE is_self = 1)"
#define OWN_WRITE_CLOCK(row) \
  "max(" row ".hlc, coalesce((SELECT max(value) FROM json_each(" row ".clocks)), ''))"
#define OWN_WRITE(table) \
  "INSERT OR REPLACE INTO own_write (table_name, row_id, clock) SELECT '" table "', id, " \
  OWN_WRITE_CLOCK (table) " FROM " table " WHERE site = " OWN_WRITE_SELF \
  " OR instr(clocks, " OWN_WRITE_SELF ") > 0;\n" \
  "CREATE TRIGGER " table "_own_insert AFTER INSERT ON " table " WHEN NEW.site = " OWN_WRITE_SELF \
  " BEGIN INSERT INTO own_write (table_name, row_id, clock) VALUES ('" table "', NEW.id, " \
  OWN_WRITE_CLOCK ("NEW") ") ON CONFLICT DO UPDATE SET clock = excluded.clock; END;\n" \
  "CREATE TRIGGER " table "_own_update AFTER UPDATE ON " table " WHEN NEW.site = " OWN_WRITE_SELF \
  " BEGIN INSERT INTO own_write (table_name, row_id, clock) VALUES ('" table "', NEW.id, " \
  OWN_WRITE_CLOCK ("NEW") ") ON CONFLICT DO UPDATE SET clock = excluded.clock; END;\n"
static const char migration_10[] =
  "CREATE TABLE own_write (\n"
  "  table_name TEXT NOT NULL,\n"
  "  row_id TEXT NOT NULL,\n"
  "  clock TEXT NOT NULL,\n"
  "  PRIMARY KEY (table_name, row_id)\n"
  ") WITHOUT ROWID;\n"
  "CREATE INDEX own_write_clock ON own_write (table_name, clock);\n"
  OWN_WRITE ("district")
  OWN_WRITE ("plan")
  OWN_WRITE ("section")
  OWN_WRITE ("situation_note")
  OWN_WRITE ("goal")
  OWN_WRITE ("initiative")
  OWN_WRITE ("actor")
  OWN_WRITE ("organization")
  OWN_WRITE ("expected_action")
  OWN_WRITE ("commitment")
  OWN_WRITE ("schedule_phase")
  OWN_WRITE ("activity")
  OWN_WRITE ("activity_commitment")
  OWN_WRITE ("review")
  OWN_WRITE ("rating_level")
  OWN_WRITE ("resource")
  OWN_WRITE ("resource_commitment");

/* Version 11: own_write is kept by the store's writes (sa-store-write.c), which know
 * a row's last writer and clocks already: a trigger on every synced table made each
 * INSERT a statement writing two tables, with a statement journal, even for the rows
 * of other sites an import brings, which own_write never holds. */
#define DROP_OWN_WRITE(table) \
  "DROP TRIGGER IF EXISTS " table "_own_insert;\n" \
  "DROP TRIGGER IF EXISTS " table "_own_update;\n"
static const char migration_11[] =
  DROP_OWN_WRITE ("district")
  DROP_OWN_WRITE ("plan")
  DROP_OWN_WRITE ("section")
  DROP_OWN_WRITE ("situation_note")
  DROP_OWN_WRITE ("goal")
  DROP_OWN_WRITE ("initiative")
  DROP_OWN_WRITE ("actor")
  DROP_OWN_WRITE ("organization")
  DROP_OWN_WRITE ("expected_action")
  DROP_OWN_WRITE ("commitment")
  DROP_OWN_WRITE ("schedule_phase")
  DROP_OWN_WRITE ("activity")
  DROP_OWN_WRITE ("activity_commitment")
  DROP_OWN_WRITE ("review")
  DROP_OWN_WRITE ("rating_level")
  DROP_OWN_WRITE ("resource")
  DROP_OWN_WRITE ("resource_commitment");

static const char * const migrations[] = {
  NULL, migration_1, migration_2, migration_3, migration_4, migration_5, migration_6,
  migration_7, migration_8, migration_9, migration_10, migration_11
};

G_STATIC_ASSERT (G_N_ELEMENTS (migrations) == SA_SCHEMA_VERSION + 1);

/**
 * sa_schema_find_table:
 * @name: a table name
 *
 * Returns: (nullable): the description of the synced table called @name
 */
const SaTable *
sa_schema_find_table (const char *name)
{
  for (guint i = 0; i < sa_schema_n_tables; i++)
    if (g_strcmp0 (sa_schema_tables[i]->name, name) == 0)
      return sa_schema_tables[i];
  return NULL;
}

/**
 * sa_schema_migration:
 * @to_version: a version from 1 to %SA_SCHEMA_VERSION
 *
 * Returns: the SQL that brings a database from @to_version - 1 to @to_version
 */
const char *
sa_schema_migration (guint to_version)
{
  g_return_val_if_fail (to_version >= 1 && to_version <= SA_SCHEMA_VERSION, NULL);

  return migrations[to_version];
}

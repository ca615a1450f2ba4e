/* sa-plan-file.c: a plan as a JSON file, exported and imported as a new plan
 *
 * The file has the shape `sasaeai-cli outline --json` writes, so a ward exports its
 * plan and the care plazas import it. Every part is checked before anything is
 * written, and every problem is reported with its place in the file
 * (`sections[1].goals[0].commitments[2].phases[0]: …`), so one attempt shows all
 * that needs fixing. Ids are optional: rows without one get new ids.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "sasaeai"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "sa-actor.h"
#include "sa-commitment.h"
#include "sa-district.h"
#include "sa-error.h"
#include "sa-expected-action.h"
#include "sa-file-write.h"
#include "sa-goal.h"
#include "sa-initiative.h"
#include "sa-outline.h"
#include "sa-plan-file.h"
#include "sa-plan.h"
#include "sa-schedule-phase.h"
#include "sa-section.h"
#include "sa-situation-note.h"
#include "sa-store-plans.h"

/* A plan file larger than this is refused before it is parsed. */
#define MAX_SIZE ((gsize) 16 * 1024 * 1024)

/* Problems listed in the message; the rest are counted. */
#define MAX_LISTED 50

typedef struct
{
  SaStore    *store;
  GPtrArray  *records;   /* SaRecord, parents before children */
  GPtrArray  *paths;     /* the place of each record in the file */
  GPtrArray  *problems;  /* "place: what is wrong" */
  GHashTable *ids;       /* ids the file gives or that were made for it */
  GHashTable *actors;    /* name → actor id */
  char       *plan_id;
  gint64      first_fy;
  gint64      last_fy;
} Reader;

static void
problem (Reader     *r,
         const char *path,
         const char *format,
         ...) G_GNUC_PRINTF (3, 4);

static void
problem (Reader     *r,
         const char *path,
         const char *format,
         ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  /* Translators: a problem in a plan file: its place, then what is wrong */
  g_ptr_array_add (r->problems, g_strdup_printf (_("%s: %s"), path, message));
}

static char *
member_path (const char *path,
             const char *key)
{
  return path[0] ? g_strconcat (path, ".", key, NULL) : g_strdup (key);
}

/* ---- Values --------------------------------------------------------------------- */

/* The member @key of @object, or NULL when it is missing or null. */
static JsonNode *
value_of (JsonObject *object,
          const char *key)
{
  JsonNode *node = json_object_get_member (object, key);

  return node != NULL && !JSON_NODE_HOLDS_NULL (node) ? node : NULL;
}

static gboolean
is_string (JsonNode *node)
{
  return JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING;
}

/* Copies the text member @key into @column; a missing required one is left to the
 * record's own check, which names the field. */
static void
read_text (Reader     *r,
           JsonObject *object,
           const char *key,
           const char *path,
           SaRecord   *record,
           guint       column)
{
  JsonNode *node = value_of (object, key);
  g_autofree char *place = NULL;

  if (node == NULL)
    return;
  if (!is_string (node))
    {
      place = member_path (path, key);
      problem (r, place, _("must be text"));
      return;
    }
  sa_record_set_text (record, column, json_node_get_string (node));
}

static void
read_int (Reader     *r,
          JsonObject *object,
          const char *key,
          const char *path,
          SaRecord   *record,
          guint       column)
{
  JsonNode *node = value_of (object, key);
  g_autofree char *place = NULL;

  if (node == NULL)
    return;
  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_INT64)
    {
      place = member_path (path, key);
      problem (r, place, _("must be a whole number"));
      return;
    }
  sa_record_set_int (record, column, json_node_get_int (node));
}

/* The array member @key; a missing one is empty, anything else a problem. */
static JsonArray *
read_array (Reader     *r,
            JsonObject *object,
            const char *key,
            const char *path)
{
  JsonNode *node = value_of (object, key);
  g_autofree char *place = NULL;

  if (node == NULL)
    return NULL;
  if (!JSON_NODE_HOLDS_ARRAY (node))
    {
      place = member_path (path, key);
      problem (r, place, _("must be a list"));
      return NULL;
    }
  return json_node_get_array (node);
}

/* The object at @index of @array, with its place; NULL and a problem otherwise. */
static JsonObject *
element (Reader     *r,
         JsonArray  *array,
         guint       index,
         const char *path,
         const char *key,
         char      **place)
{
  JsonNode *node = json_array_get_element (array, index);

  *place = g_strdup_printf ("%s%s%s[%u]", path, path[0] ? "." : "", key, index);
  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      problem (r, *place, _("must be an object"));
      return NULL;
    }
  return json_node_get_object (node);
}

/* ---- Records -------------------------------------------------------------------- */

/* Gives @record the file's id, or a new one. An id may appear once in the file and
 * must be new to the database: the import creates a plan, it changes none. */
static void
take_id (Reader     *r,
         JsonObject *object,
         const char *path,
         SaRecord   *record)
{
  JsonNode *node = value_of (object, "id");
  g_autofree char *place = member_path (path, "id");
  g_autofree char *id = NULL;

  if (node == NULL)
    id = g_uuid_string_random ();
  else if (!is_string (node) || !sa_id_is_valid (json_node_get_string (node)))
    {
      problem (r, place, _("is not a valid id"));
      id = g_uuid_string_random ();
    }
  else
    {
      id = sa_id_normalize (json_node_get_string (node));
      if (g_hash_table_contains (r->ids, id))
        problem (r, place, _("“%s” is used twice in the file"), id);
      else if (sa_store_exists (r->store, sa_record_get_table (record), id, TRUE))
        problem (r, place, _("“%s” is in the database already; the file makes a new plan"), id);
    }
  sa_record_set_id (record, id);
  g_hash_table_add (r->ids, g_strdup (id));
}

/* Checks @record's values and keeps it, to be written in this order. */
static void
keep (Reader     *r,
      SaRecord   *record,
      const char *path)
{
  g_autoptr(GError) error = NULL;

  if (!sa_record_validate (record, &error))
    problem (r, path, "%s", error->message);
  g_ptr_array_add (r->records, record);
  g_ptr_array_add (r->paths, g_strdup (path));
}

/* The kind of an actor the file names without one, from its name's usual words. */
static const char *
guess_actor_kind (const char *name)
{
  static const struct { const char *word; const char *kind; } words[] = {
    { "ケアプラザ", "care-plaza" }, { "社会福祉協議会", "welfare-council" }, { "社協", "welfare-council" },
    { "区役所", "ward-office" }, { "住民", "community" }, { "団体", "community" },
    { "自治会", "community" }, { "機関", "institution" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (words); i++)
    if (strstr (name, words[i].word) != NULL)
      return words[i].kind;
  return "other";
}

static void
add_actor (Reader     *r,
           JsonObject *object,
           const char *name,
           const char *path)
{
  SaRecord *actor = sa_record_new (&sa_actor_table);

  if (object != NULL)
    take_id (r, object, path, actor);
  else
    {
      g_autofree char *id = g_uuid_string_random ();
      sa_record_set_id (actor, id);
    }
  sa_record_set_text (actor, SA_ACTOR_PLAN_ID, r->plan_id);
  sa_record_set_text (actor, SA_ACTOR_NAME, name);
  sa_record_set_text (actor, SA_ACTOR_KIND, guess_actor_kind (name));
  if (object != NULL)
    read_text (r, object, "kind", path, actor, SA_ACTOR_KIND);
  sa_record_set_int (actor, SA_ACTOR_POSITION, g_hash_table_size (r->actors));
  g_hash_table_insert (r->actors, g_strdup (name), g_strdup (sa_record_get_id (actor)));
  keep (r, actor, path);
}

static gboolean
is_blank (const char *text)
{
  g_autofree char *stripped = g_strstrip (g_strdup (text));

  return *stripped == '\0';
}

/* Stands in for an actor the file does not name, already reported, so that the row's
 * other fields are still checked without a second message about it. */
#define NO_ACTOR "00000000-0000-0000-0000-000000000000"

/* The id of the actor a row names, made when the file has not listed it. */
static const char *
actor_named (Reader     *r,
             JsonObject *object,
             const char *path)
{
  JsonNode *node = value_of (object, "actor");
  g_autofree char *place = member_path (path, "actor");
  const char *name;

  if (node == NULL || !is_string (node) || is_blank (json_node_get_string (node)))
    {
      problem (r, place, _("must name who does it"));
      return NULL;
    }
  name = json_node_get_string (node);
  if (!g_hash_table_contains (r->actors, name))
    add_actor (r, NULL, name, place);
  return g_hash_table_lookup (r->actors, name);
}

/* ---- The outline, part by part -------------------------------------------------- */

typedef void (*ReadPart) (Reader *, JsonObject *, const char *, const char *, guint);

/* Calls @read for each object of the array @key, with the parent's id. */
static void
read_parts (Reader     *r,
            JsonObject *object,
            const char *key,
            const char *path,
            const char *parent_id,
            ReadPart    read)
{
  JsonArray *array = read_array (r, object, key, path);

  for (guint i = 0; array != NULL && i < json_array_get_length (array); i++)
    {
      g_autofree char *place = NULL;
      JsonObject *part = element (r, array, i, path, key, &place);

      if (part != NULL)
        read (r, part, place, parent_id, i);
    }
}

static void
read_phase (Reader     *r,
            JsonObject *object,
            const char *path,
            const char *commitment_id,
            guint       position)
{
  SaRecord *phase = sa_record_new (&sa_schedule_phase_table);
  gint64 start, end;

  take_id (r, object, path, phase);
  sa_record_set_text (phase, SA_SCHEDULE_PHASE_COMMITMENT_ID, commitment_id);
  read_text (r, object, "label", path, phase, SA_SCHEDULE_PHASE_LABEL);
  read_int (r, object, "start_fy", path, phase, SA_SCHEDULE_PHASE_START_FY);
  read_int (r, object, "end_fy", path, phase, SA_SCHEDULE_PHASE_END_FY);
  start = sa_record_get_int (phase, SA_SCHEDULE_PHASE_START_FY);
  end = sa_record_get_int (phase, SA_SCHEDULE_PHASE_END_FY);
  if (start > end)
    problem (r, path, _("the start year is after the end year"));
  else if (r->first_fy <= r->last_fy && (start < r->first_fy || end > r->last_fy))
    problem (r, path, _("the years %d to %d lie outside the plan’s, %d to %d"),
             (int) start, (int) end, (int) r->first_fy, (int) r->last_fy);
  keep (r, phase, path);
}

static void
read_commitment (Reader     *r,
                 JsonObject *object,
                 const char *path,
                 const char *goal_id,
                 guint       position)
{
  SaRecord *commitment = sa_record_new (&sa_commitment_table);
  const char *actor_id;

  take_id (r, object, path, commitment);
  actor_id = actor_named (r, object, path);
  sa_record_set_text (commitment, SA_COMMITMENT_ACTOR_ID, actor_id ? actor_id : NO_ACTOR);
  sa_record_set_text (commitment, SA_COMMITMENT_GOAL_ID, goal_id);
  read_text (r, object, "text", path, commitment, SA_COMMITMENT_TEXT);
  read_text (r, object, "target", path, commitment, SA_COMMITMENT_TARGET_TEXT);
  read_int (r, object, "target_value", path, commitment, SA_COMMITMENT_TARGET_VALUE);
  read_text (r, object, "target_unit", path, commitment, SA_COMMITMENT_TARGET_UNIT);
  read_text (r, object, "target_measure", path, commitment, SA_COMMITMENT_TARGET_MEASURE);
  read_text (r, object, "predecessor_id", path, commitment, SA_COMMITMENT_PREDECESSOR_ID);
  read_text (r, object, "carry_over", path, commitment, SA_COMMITMENT_CARRY_OVER);
  sa_record_set_int (commitment, SA_COMMITMENT_POSITION, position);
  keep (r, commitment, path);
  read_parts (r, object, "phases", path, sa_record_get_id (commitment), read_phase);
}

static void
read_action (Reader     *r,
             JsonObject *object,
             const char *path,
             const char *goal_id,
             guint       position)
{
  SaRecord *action = sa_record_new (&sa_expected_action_table);
  const char *actor_id;

  take_id (r, object, path, action);
  actor_id = actor_named (r, object, path);
  sa_record_set_text (action, SA_EXPECTED_ACTION_ACTOR_ID, actor_id ? actor_id : NO_ACTOR);
  sa_record_set_text (action, SA_EXPECTED_ACTION_GOAL_ID, goal_id);
  read_text (r, object, "text", path, action, SA_EXPECTED_ACTION_TEXT);
  sa_record_set_int (action, SA_EXPECTED_ACTION_POSITION, position);
  keep (r, action, path);
}

static void
read_initiative (Reader     *r,
                 JsonObject *object,
                 const char *path,
                 const char *goal_id,
                 guint       position)
{
  SaRecord *initiative = sa_record_new (&sa_initiative_table);

  take_id (r, object, path, initiative);
  sa_record_set_text (initiative, SA_INITIATIVE_GOAL_ID, goal_id);
  read_text (r, object, "title", path, initiative, SA_INITIATIVE_TITLE);
  sa_record_set_int (initiative, SA_INITIATIVE_POSITION, position);
  keep (r, initiative, path);
}

static void
read_goal (Reader     *r,
           JsonObject *object,
           const char *path,
           const char *section_id,
           guint       position)
{
  SaRecord *goal = sa_record_new (&sa_goal_table);
  const char *id;

  take_id (r, object, path, goal);
  id = sa_record_get_id (goal);
  sa_record_set_text (goal, SA_GOAL_SECTION_ID, section_id);
  read_int (r, object, "number", path, goal, SA_GOAL_NUMBER);
  read_text (r, object, "title", path, goal, SA_GOAL_TITLE);
  keep (r, goal, path);
  read_parts (r, object, "initiatives", path, id, read_initiative);
  read_parts (r, object, "expected_actions", path, id, read_action);
  read_parts (r, object, "commitments", path, id, read_commitment);
}

/* Strengths and challenges are lists of text; their rows get new ids. */
static void
read_notes (Reader     *r,
            JsonObject *section,
            const char *path,
            const char *section_id,
            const char *key,
            const char *kind)
{
  JsonArray *array = read_array (r, section, key, path);

  for (guint i = 0; array != NULL && i < json_array_get_length (array); i++)
    {
      g_autofree char *place = g_strdup_printf ("%s.%s[%u]", path, key, i);
      g_autofree char *id = g_uuid_string_random ();
      JsonNode *node = json_array_get_element (array, i);
      SaRecord *note = sa_record_new (&sa_situation_note_table);

      if (!is_string (node))
        problem (r, place, _("must be text"));
      else
        sa_record_set_text (note, SA_SITUATION_NOTE_TEXT, json_node_get_string (node));
      sa_record_set_id (note, id);
      sa_record_set_text (note, SA_SITUATION_NOTE_SECTION_ID, section_id);
      sa_record_set_text (note, SA_SITUATION_NOTE_KIND, kind);
      sa_record_set_int (note, SA_SITUATION_NOTE_POSITION, i);
      keep (r, note, place);
    }
}

/* Goal numbers are unique within a section, as the outline numbers them. */
static void
check_goal_numbers (Reader     *r,
                    JsonObject *section,
                    const char *path)
{
  JsonArray *goals = read_array (r, section, "goals", path);
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (guint i = 0; goals != NULL && i < json_array_get_length (goals); i++)
    {
      JsonNode *node = json_array_get_element (goals, i);
      JsonNode *number = JSON_NODE_HOLDS_OBJECT (node) ? value_of (json_node_get_object (node), "number") : NULL;
      g_autofree char *place = NULL;
      gint64 value;

      if (number == NULL || json_node_get_value_type (number) != G_TYPE_INT64)
        continue;
      value = json_node_get_int (number);
      if (g_hash_table_add (seen, g_strdup_printf ("%" G_GINT64_FORMAT, value)))
        continue;
      place = g_strdup_printf ("%s.goals[%u].number", path, i);
      problem (r, place, _("basic goal %d appears twice in the section"), (int) value);
    }
}

static void
read_section (Reader     *r,
              JsonObject *object,
              const char *path,
              const char *plan_id,
              guint       position)
{
  SaRecord *section = sa_record_new (&sa_section_table);
  const char *id;

  take_id (r, object, path, section);
  id = sa_record_get_id (section);
  sa_record_set_text (section, SA_SECTION_PLAN_ID, plan_id);
  read_text (r, object, "label", path, section, SA_SECTION_LABEL);
  read_text (r, object, "title", path, section, SA_SECTION_TITLE);
  sa_record_set_int (section, SA_SECTION_POSITION, position);
  keep (r, section, path);
  read_notes (r, object, path, id, "strengths", "strength");
  read_notes (r, object, path, id, "challenges", "challenge");
  check_goal_numbers (r, object, path);
  read_parts (r, object, "goals", path, id, read_goal);
}

/* The plan's district is named as people know it. */
static void
read_district (Reader     *r,
               JsonObject *object,
               SaRecord   *plan)
{
  JsonNode *node = value_of (object, "district");
  g_autoptr(GError) error = NULL;
  g_autofree char *id = NULL;

  if (node == NULL)
    return;
  if (!is_string (node))
    problem (r, "plan.district", _("must be text"));
  else if (!(id = sa_store_lookup_id (r->store, &sa_district_table, "name", json_node_get_string (node), &error)))
    problem (r, "plan.district", "%s", error->message);
  else
    sa_record_set_text (plan, SA_PLAN_DISTRICT_ID, id);
}

static gboolean
read_plan (Reader     *r,
           JsonObject *root)
{
  JsonNode *node = value_of (root, "plan");
  SaRecord *plan;
  JsonObject *object;

  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    {
      problem (r, "plan", _("must be an object with the plan’s title and years"));
      return FALSE;
    }
  object = json_node_get_object (node);
  plan = sa_record_new (&sa_plan_table);
  take_id (r, object, "plan", plan);
  read_text (r, object, "title", "plan", plan, SA_PLAN_TITLE);
  read_text (r, object, "area", "plan", plan, SA_PLAN_AREA);
  read_int (r, object, "first_fy", "plan", plan, SA_PLAN_FIRST_FY);
  read_int (r, object, "last_fy", "plan", plan, SA_PLAN_LAST_FY);
  read_text (r, object, "slogan", "plan", plan, SA_PLAN_SLOGAN);
  read_text (r, object, "parent_id", "plan", plan, SA_PLAN_PARENT_ID);
  read_district (r, object, plan);
  r->plan_id = g_strdup (sa_record_get_id (plan));
  r->first_fy = sa_record_get_int (plan, SA_PLAN_FIRST_FY);
  r->last_fy = sa_record_get_int (plan, SA_PLAN_LAST_FY);
  if (r->first_fy > r->last_fy)
    problem (r, "plan", _("the first fiscal year is after the last"));
  keep (r, plan, "plan");
  return TRUE;
}

static void
read_listed_actor (Reader     *r,
                   JsonObject *object,
                   const char *path,
                   const char *plan_id,
                   guint       position)
{
  JsonNode *name = value_of (object, "name");

  if (name == NULL || !is_string (name))
    {
      g_autofree char *place = member_path (path, "name");
      problem (r, place, _("must be text"));
    }
  else if (g_hash_table_contains (r->actors, json_node_get_string (name)))
    problem (r, path, _("“%s” is listed twice"), json_node_get_string (name));
  else
    add_actor (r, object, json_node_get_string (name), path);
}

/* ---- Writing -------------------------------------------------------------------- */

static GError *
problems_error (GPtrArray *problems)
{
  g_autoptr(GString) text = g_string_new (NULL);
  guint listed = MIN (problems->len, MAX_LISTED);

  g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE, "The plan file has %u problem; nothing was imported:",
                                             "The plan file has %u problems; nothing was imported:",
                                             problems->len), problems->len);
  for (guint i = 0; i < listed; i++)
    g_string_append_printf (text, "\n%s", (const char *) g_ptr_array_index (problems, i));
  if (problems->len > listed)
    g_string_append_printf (text, "\n%s", _("…"));
  return g_error_new_literal (SA_ERROR, SA_ERROR_FORMAT, text->str);
}

/* One transaction: a row the store refuses takes every row with it. */
static gboolean
write_records (Reader  *r,
               GError **error)
{
  if (!sa_store_begin (r->store, error))
    return FALSE;
  if (!sa_store_keep_default_plan (r->store, error))
    {
      sa_store_rollback (r->store);
      return FALSE;
    }
  for (guint i = 0; i < r->records->len; i++)
    {
      g_autoptr(GError) local_error = NULL;

      if (!sa_store_insert (r->store, g_ptr_array_index (r->records, i), &local_error))
        {
          sa_store_rollback (r->store);
          g_set_error (error, SA_ERROR, SA_ERROR_INVALID, _("Nothing was imported: %s: %s"),
                       (const char *) g_ptr_array_index (r->paths, i), local_error->message);
          return FALSE;
        }
    }
  return sa_store_commit_or_rollback (r->store, error);
}

static void
reader_clear (Reader *r)
{
  g_ptr_array_unref (r->records);
  g_ptr_array_unref (r->paths);
  g_ptr_array_unref (r->problems);
  g_hash_table_unref (r->ids);
  g_hash_table_unref (r->actors);
  g_free (r->plan_id);
}

/**
 * sa_plan_file_import:
 * @store: a store
 * @root: a plan outline in the shape sa_outline_to_json() gives
 * @error: return location for every problem, each with its place in the file
 *
 * Creates a new plan from @root, all or nothing. Actors are named; those not listed
 * under "actors" are made, their kind guessed from their names.
 *
 * Returns: (transfer full) (nullable): the new plan's id
 */
char *
sa_plan_file_import (SaStore   *store,
                     JsonNode  *root,
                     GError   **error)
{
  Reader r = {
    store, g_ptr_array_new_with_free_func (g_object_unref), g_ptr_array_new_with_free_func (g_free),
    g_ptr_array_new_with_free_func (g_free), g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL),
    g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free), NULL, 0, 0,
  };
  char *plan_id = NULL;

  g_return_val_if_fail (SA_IS_STORE (store), NULL);

  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    problem (&r, "$", _("must be an object with “plan” and “sections”"));
  else if (read_plan (&r, json_node_get_object (root)))
    {
      read_parts (&r, json_node_get_object (root), "actors", "", r.plan_id, read_listed_actor);
      read_parts (&r, json_node_get_object (root), "sections", "", r.plan_id, read_section);
    }

  if (r.problems->len > 0)
    g_propagate_error (error, problems_error (r.problems));
  else if (write_records (&r, error))
    plan_id = g_strdup (r.plan_id);
  reader_clear (&r);
  return plan_id;
}

/**
 * sa_plan_file_import_file:
 * @store: a store
 * @file: a JSON file
 * @error: return location for an error
 *
 * Reads @file and imports it with sa_plan_file_import().
 *
 * Returns: (transfer full) (nullable): the new plan's id
 */
char *
sa_plan_file_import_file (SaStore   *store,
                          GFile     *file,
                          GError   **error)
{
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autofree char *data = NULL;
  g_autoptr(GError) parse_error = NULL;
  gsize length;

  info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_SIZE, G_FILE_QUERY_INFO_NONE, NULL, error);
  if (info == NULL)
    return NULL;
  if ((guint64) g_file_info_get_size (info) > MAX_SIZE)
    {
      g_autofree char *size = g_format_size (MAX_SIZE);
      g_set_error (error, SA_ERROR, SA_ERROR_FORMAT, _("The file is too large: more than %s"), size);
      return NULL;
    }
  if (!g_file_load_contents (file, NULL, &data, &length, NULL, error))
    return NULL;
  if (!json_parser_load_from_data (parser, data, length, &parse_error))
    {
      g_set_error (error, SA_ERROR, SA_ERROR_FORMAT, _("The file is not a plan in JSON: %s"),
                   parse_error->message);
      return NULL;
    }
  return sa_plan_file_import (store, json_parser_get_root (parser), error);
}

/**
 * sa_plan_file_export:
 * @store: a store
 * @plan_id: (nullable): a plan, or %NULL for the one meant by default
 * @file: where to write it
 * @error: return location for an error
 *
 * Writes the plan's outline as JSON, as `outline --json` prints it, to a temporary
 * name and then over @file, so @file is whole or unchanged.
 */
gboolean
sa_plan_file_export (SaStore     *store,
                     const char  *plan_id,
                     GFile       *file,
                     GError     **error)
{
  g_autoptr(JsonNode) outline = sa_outline_to_json (store, plan_id, error);
  g_autoptr(JsonGenerator) generator = NULL;
  g_autoptr(GBytes) bytes = NULL;
  char *text;
  gsize length;

  if (outline == NULL)
    return FALSE;
  generator = json_generator_new ();
  json_generator_set_root (generator, outline);
  json_generator_set_pretty (generator, TRUE);
  text = json_generator_to_data (generator, &length);
  bytes = g_bytes_new_take (text, length);
  return sa_file_write_atomically (file, bytes, NULL, error);
}

/* sa-outline.c: the plan outline as one JSON document
 *
 * The shape follows the plan document: a plan, its sections with their strengths and
 * challenges, each section's basic goals with initiatives, expected actions and
 * commitments with their schedules. Scripts read it from `sasaeai-cli outline --json`.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "sasaeai"

#include "config.h"

#include "sa-actor.h"
#include "sa-commitment.h"
#include "sa-district.h"
#include "sa-error.h"
#include "sa-expected-action.h"
#include "sa-goal.h"
#include "sa-initiative.h"
#include "sa-outline.h"
#include "sa-plan.h"
#include "sa-schedule-phase.h"
#include "sa-section.h"
#include "sa-situation-note.h"
#include "sa-store-plans.h"

typedef struct
{
  SaStore     *store;
  JsonBuilder *builder;
  GHashTable  *actor_names;  /* id → name */
  GError      *error;
} Outline;

static void
add_value (Outline  *outline,
           SaRecord *record,
           guint     column,
           const char *key)
{
  json_builder_set_member_name (outline->builder, key);
  if (sa_record_is_null (record, column))
    json_builder_add_null_value (outline->builder);
  else if (sa_record_get_table (record)->columns[column].type == SA_COLUMN_INT)
    json_builder_add_int_value (outline->builder, sa_record_get_int (record, column));
  else
    json_builder_add_string_value (outline->builder, sa_record_get_text (record, column));
}

static void
add_id (Outline  *outline,
        SaRecord *record)
{
  json_builder_set_member_name (outline->builder, "id");
  json_builder_add_string_value (outline->builder, sa_record_get_id (record));
}

static void
add_actor (Outline  *outline,
           SaRecord *record,
           guint     column)
{
  json_builder_set_member_name (outline->builder, "actor");
  json_builder_add_string_value (outline->builder,
                                 g_hash_table_lookup (outline->actor_names,
                                                      sa_record_get_text (record, column)));
}

/* Lists the children of @parent_id in @table, calling @add for each inside an array
 * named @key. Errors are kept in @outline and stop further lists. */
static void
add_children (Outline       *outline,
              const char    *key,
              const SaTable *table,
              const char    *parent_column,
              const char    *parent_id,
              void         (*add) (Outline *, SaRecord *))
{
  g_autoptr(GPtrArray) children = NULL;

  json_builder_set_member_name (outline->builder, key);
  json_builder_begin_array (outline->builder);
  if (outline->error == NULL)
    children = sa_store_list (outline->store, table, parent_column, parent_id, &outline->error);
  for (guint i = 0; children != NULL && i < children->len; i++)
    add (outline, g_ptr_array_index (children, i));
  json_builder_end_array (outline->builder);
}

static void
add_phase (Outline  *outline,
           SaRecord *phase)
{
  json_builder_begin_object (outline->builder);
  add_value (outline, phase, SA_SCHEDULE_PHASE_LABEL, "label");
  add_value (outline, phase, SA_SCHEDULE_PHASE_START_FY, "start_fy");
  add_value (outline, phase, SA_SCHEDULE_PHASE_END_FY, "end_fy");
  json_builder_end_object (outline->builder);
}

static void
add_commitment (Outline  *outline,
                SaRecord *commitment)
{
  json_builder_begin_object (outline->builder);
  add_id (outline, commitment);
  add_actor (outline, commitment, SA_COMMITMENT_ACTOR_ID);
  add_value (outline, commitment, SA_COMMITMENT_TEXT, "text");
  add_value (outline, commitment, SA_COMMITMENT_TARGET_TEXT, "target");
  add_value (outline, commitment, SA_COMMITMENT_TARGET_VALUE, "target_value");
  add_value (outline, commitment, SA_COMMITMENT_TARGET_UNIT, "target_unit");
  add_value (outline, commitment, SA_COMMITMENT_TARGET_MEASURE, "target_measure");
  add_value (outline, commitment, SA_COMMITMENT_PREDECESSOR_ID, "predecessor_id");
  add_value (outline, commitment, SA_COMMITMENT_CARRY_OVER, "carry_over");
  add_children (outline, "phases", &sa_schedule_phase_table, "commitment_id",
                sa_record_get_id (commitment), add_phase);
  json_builder_end_object (outline->builder);
}

static void
add_expected_action (Outline  *outline,
                     SaRecord *action)
{
  json_builder_begin_object (outline->builder);
  add_id (outline, action);
  add_actor (outline, action, SA_EXPECTED_ACTION_ACTOR_ID);
  add_value (outline, action, SA_EXPECTED_ACTION_TEXT, "text");
  json_builder_end_object (outline->builder);
}

static void
add_initiative (Outline  *outline,
                SaRecord *initiative)
{
  json_builder_begin_object (outline->builder);
  add_id (outline, initiative);
  add_value (outline, initiative, SA_INITIATIVE_TITLE, "title");
  json_builder_end_object (outline->builder);
}

static void
add_goal (Outline  *outline,
          SaRecord *goal)
{
  const char *id = sa_record_get_id (goal);

  json_builder_begin_object (outline->builder);
  add_id (outline, goal);
  add_value (outline, goal, SA_GOAL_NUMBER, "number");
  add_value (outline, goal, SA_GOAL_TITLE, "title");
  add_children (outline, "initiatives", &sa_initiative_table, "goal_id", id, add_initiative);
  add_children (outline, "expected_actions", &sa_expected_action_table, "goal_id", id, add_expected_action);
  add_children (outline, "commitments", &sa_commitment_table, "goal_id", id, add_commitment);
  json_builder_end_object (outline->builder);
}

static void
add_notes (Outline    *outline,
           GPtrArray  *notes,
           const char *kind)
{
  json_builder_set_member_name (outline->builder, kind[0] == 's' ? "strengths" : "challenges");
  json_builder_begin_array (outline->builder);
  for (guint i = 0; notes != NULL && i < notes->len; i++)
    {
      SaRecord *note = g_ptr_array_index (notes, i);

      if (g_strcmp0 (sa_record_get_text (note, SA_SITUATION_NOTE_KIND), kind) == 0)
        json_builder_add_string_value (outline->builder,
                                       sa_record_get_text (note, SA_SITUATION_NOTE_TEXT));
    }
  json_builder_end_array (outline->builder);
}

static void
add_section (Outline  *outline,
             SaRecord *section)
{
  g_autoptr(GPtrArray) notes = NULL;

  if (outline->error == NULL)
    notes = sa_store_list (outline->store, &sa_situation_note_table, "section_id",
                           sa_record_get_id (section), &outline->error);

  json_builder_begin_object (outline->builder);
  add_id (outline, section);
  add_value (outline, section, SA_SECTION_LABEL, "label");
  add_value (outline, section, SA_SECTION_TITLE, "title");
  add_notes (outline, notes, "strength");
  add_notes (outline, notes, "challenge");
  add_children (outline, "goals", &sa_goal_table, "section_id", sa_record_get_id (section), add_goal);
  json_builder_end_object (outline->builder);
}

/* The district by name, as people know it and as a plan file gives it. */
static void
add_district (Outline  *outline,
              SaRecord *plan)
{
  const char *id = sa_record_get_text (plan, SA_PLAN_DISTRICT_ID);
  g_autoptr(SaRecord) district = NULL;

  json_builder_set_member_name (outline->builder, "district");
  if (id != NULL && outline->error == NULL)
    district = sa_store_get (outline->store, &sa_district_table, id, &outline->error);
  if (district != NULL)
    json_builder_add_string_value (outline->builder, sa_record_get_text (district, SA_DISTRICT_NAME));
  else
    json_builder_add_null_value (outline->builder);
}

static void
add_plan (Outline  *outline,
          SaRecord *plan)
{
  json_builder_set_member_name (outline->builder, "plan");
  if (plan == NULL)
    {
      json_builder_add_null_value (outline->builder);
      return;
    }
  json_builder_begin_object (outline->builder);
  add_id (outline, plan);
  add_value (outline, plan, SA_PLAN_TITLE, "title");
  add_value (outline, plan, SA_PLAN_AREA, "area");
  add_value (outline, plan, SA_PLAN_FIRST_FY, "first_fy");
  add_value (outline, plan, SA_PLAN_LAST_FY, "last_fy");
  add_value (outline, plan, SA_PLAN_SLOGAN, "slogan");
  add_district (outline, plan);
  add_value (outline, plan, SA_PLAN_PARENT_ID, "parent_id");
  json_builder_end_object (outline->builder);
}

static void
add_listed_actor (Outline  *outline,
                  SaRecord *actor)
{
  json_builder_begin_object (outline->builder);
  add_id (outline, actor);
  add_value (outline, actor, SA_ACTOR_NAME, "name");
  add_value (outline, actor, SA_ACTOR_KIND, "kind");
  json_builder_end_object (outline->builder);
}

/**
 * sa_outline_to_json:
 * @store: a store
 * @plan_id: (nullable): a plan's id, or %NULL for the plan meant by default
 * @error: return location for an error
 *
 * Builds the outline of a plan: `{"plan": {…} or null, "actors": […],
 * "sections": […]}`, with null where a value is unset. The plan is null only when
 * the database holds none and @plan_id is %NULL.
 *
 * Returns: (transfer full) (nullable): the outline
 */
JsonNode *
sa_outline_to_json (SaStore     *store,
                    const char  *plan_id,
                    GError     **error)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(GHashTable) names = NULL;
  g_autoptr(SaRecord) plan = NULL;
  g_autofree char *id = NULL;
  Outline outline = { store, builder, NULL, NULL };
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (SA_IS_STORE (store), NULL);

  if (!(id = sa_store_resolve_plan (store, plan_id, &local_error)) &&
      (plan_id != NULL || !g_error_matches (local_error, SA_ERROR, SA_ERROR_NOT_FOUND)))
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }
  if ((id != NULL && !(plan = sa_store_get (store, &sa_plan_table, id, error))) ||
      !(names = sa_store_dup_names (store, &sa_actor_table, SA_ACTOR_NAME, error)))
    return NULL;
  outline.actor_names = names;

  json_builder_begin_object (builder);
  add_plan (&outline, plan);
  add_children (&outline, "actors", &sa_actor_table, "plan_id", id ? id : "", add_listed_actor);
  json_builder_set_member_name (builder, "sections");
  json_builder_begin_array (builder);
  if (plan != NULL)
    {
      g_autoptr(GPtrArray) sections = sa_store_list (store, &sa_section_table, "plan_id", id, &outline.error);

      for (guint i = 0; sections != NULL && i < sections->len; i++)
        add_section (&outline, g_ptr_array_index (sections, i));
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);

  if (outline.error != NULL)
    {
      g_propagate_error (error, outline.error);
      return NULL;
    }
  return json_builder_get_root (builder);
}

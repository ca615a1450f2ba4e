/* sa-store-plans.c: the plans a database holds, and which one is meant
 *
 * A database may hold the ward plan, its district plans and the next period's plan.
 * Commands and views work on one of them: the one asked for, else the one last chosen
 * in the window (kept in the local meta table, not synced: each office chooses its
 * own), else the first.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "sasaeai"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "sa-actor.h"
#include "sa-error.h"
#include "sa-plan.h"
#include "sa-store-plans.h"
#include "sa-store-private.h"

#define CHOSEN_KEY "chosen-plan"

/**
 * sa_store_list_plans:
 * @self: a store
 * @error: return location for an error
 *
 * Returns: (transfer full) (element-type SaRecord): the plans that are not deleted,
 *   by first year and title
 */
GPtrArray *
sa_store_list_plans (SaStore  *self,
                     GError  **error)
{
  g_return_val_if_fail (SA_IS_STORE (self), NULL);

  return sa_store_list (self, &sa_plan_table, NULL, NULL, error);
}

/**
 * sa_store_dup_chosen_plan:
 * @self: a store
 *
 * Returns: (transfer full) (nullable): the plan last chosen in the window, when it
 *   is still there
 */
char *
sa_store_dup_chosen_plan (SaStore *self)
{
  sqlite3_stmt *stmt = _sa_store_prepare (self, "SELECT value FROM meta WHERE key = '" CHOSEN_KEY "'", NULL);
  g_autofree char *id = NULL;

  if (stmt == NULL)
    return NULL;
  if (sqlite3_step (stmt) == SQLITE_ROW)
    id = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_reset (stmt);
  if (id == NULL || !sa_store_exists (self, &sa_plan_table, id, FALSE))
    return NULL;
  return g_steal_pointer (&id);
}

/**
 * sa_store_choose_plan:
 * @self: a store
 * @plan_id: a plan's id
 * @error: return location for an error
 *
 * Makes @plan_id the plan commands use when none is named.
 */
gboolean
sa_store_choose_plan (SaStore     *self,
                      const char  *plan_id,
                      GError     **error)
{
  g_autofree char *id = NULL;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (SA_IS_STORE (self), FALSE);

  if (!(id = sa_store_resolve_plan (self, plan_id, error)) ||
      !(stmt = _sa_store_prepare (self, "INSERT OR REPLACE INTO meta (key, value) VALUES ('" CHOSEN_KEY "', ?1)",
                                  error)) ||
      !sa_store_begin (self, error))
    return FALSE;
  sqlite3_bind_text (stmt, 1, id, -1, SQLITE_TRANSIENT);
  if (!_sa_store_step_done (self, stmt, error))
    {
      sa_store_rollback (self);
      return FALSE;
    }
  /* Views show the chosen plan: to them it is as if the plans changed. */
  _sa_store_mark_changed (self, &sa_plan_table);
  return sa_store_commit_or_rollback (self, error);
}

/**
 * sa_store_resolve_plan:
 * @self: a store
 * @plan_id: (nullable): the plan asked for, or %NULL for the one meant by default
 * @error: return location for an error
 *
 * Returns: (transfer full) (nullable): @plan_id in its stored form when it names a
 *   plan that is not deleted; for %NULL the chosen plan, else the first
 */
char *
sa_store_resolve_plan (SaStore     *self,
                       const char  *plan_id,
                       GError     **error)
{
  g_autoptr(GPtrArray) plans = NULL;
  char *chosen;

  g_return_val_if_fail (SA_IS_STORE (self), NULL);

  if (plan_id != NULL)
    {
      if (sa_store_exists (self, &sa_plan_table, plan_id, FALSE))
        return sa_id_normalize (plan_id);
      g_set_error (error, SA_ERROR, SA_ERROR_NOT_FOUND, _("There is no plan with id “%s”"), plan_id);
      return NULL;
    }
  if ((chosen = sa_store_dup_chosen_plan (self)) != NULL)
    return chosen;
  if (!(plans = sa_store_list_plans (self, error)))
    return NULL;
  if (plans->len == 0)
    {
      g_set_error (error, SA_ERROR, SA_ERROR_NOT_FOUND, _("There is no plan"));
      return NULL;
    }
  return g_strdup (sa_record_get_id (g_ptr_array_index (plans, 0)));
}

/**
 * sa_store_keep_default_plan:
 * @self: a store
 * @error: return location for an error
 *
 * Before a plan is added, makes the plan meant by default so far the chosen one,
 * so that adding a plan never changes which plan commands and views show.
 */
gboolean
sa_store_keep_default_plan (SaStore  *self,
                            GError  **error)
{
  g_autofree char *chosen = sa_store_dup_chosen_plan (self);
  g_autoptr(GPtrArray) plans = NULL;

  if (chosen != NULL)
    return TRUE;
  if (!(plans = sa_store_list_plans (self, error)))
    return FALSE;
  return plans->len == 0 ||
         sa_store_choose_plan (self, sa_record_get_id (g_ptr_array_index (plans, 0)), error);
}

/**
 * sa_store_lookup_actor:
 * @self: a store
 * @plan_id: (nullable): the plan, or %NULL for the one meant by default
 * @name: an actor's name, kind or id
 * @error: return location for an error
 *
 * Actors belong to a plan, and each period's plan has its own 区役所: the actor is
 * looked for among the plan's.
 *
 * Returns: (transfer full) (nullable): the actor's id
 */
char *
sa_store_lookup_actor (SaStore     *self,
                       const char  *plan_id,
                       const char  *name,
                       GError     **error)
{
  g_autofree char *plan = sa_store_resolve_plan (self, plan_id, error);
  g_autoptr(GPtrArray) actors = NULL;
  g_autofree char *id = sa_id_normalize (name);

  if (plan == NULL || !(actors = sa_store_list (self, &sa_actor_table, "plan_id", plan, error)))
    return NULL;
  for (guint column = 0; column <= SA_ACTOR_KIND; column++)
    for (guint i = 0; i < actors->len; i++)
      {
        SaRecord *actor = g_ptr_array_index (actors, i);

        if (g_strcmp0 (sa_record_get_id (actor), id) == 0 ||
            (column != SA_ACTOR_PLAN_ID && g_strcmp0 (sa_record_get_text (actor, column), name) == 0))
          return g_strdup (sa_record_get_id (actor));
      }
  g_set_error (error, SA_ERROR, SA_ERROR_NOT_FOUND, _("The plan has no actor “%s”"), name);
  return NULL;
}

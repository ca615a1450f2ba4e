/* sa-undo-stack.c: undo and redo of changes made in the window
 *
 * Changes go through the stack, which writes them to the store and remembers how to
 * reverse them. Undoing is itself a new edit with new clocks, not a rewind: the
 * database keeps its history, and other sites see the undo like any change.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "sasaeai"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "sa-undo-stack.h"

#define MAX_GROUPS 100

typedef enum
{
  STEP_TOMBSTONE,  /* the tombstone was set or cleared (an insert clears it) */
  STEP_UPDATE,
  STEP_LINKS,
} StepKind;

typedef struct
{
  StepKind       kind;
  const SaTable *table;
  char          *id;
  gboolean       deleted;   /* STEP_TOMBSTONE: the tombstone after the step */
  SaRecord      *before;    /* STEP_UPDATE */
  SaRecord      *after;
  GStrv          links_before;
  GStrv          links_after;
} Step;

typedef struct
{
  char      *label;
  GPtrArray *steps;
} Group;

struct _SaUndoStack
{
  GObject    parent_instance;

  SaStore   *store;
  GPtrArray *undo;     /* of Group, newest last */
  GPtrArray *redo;
  Group     *open;     /* the group being recorded between begin and commit */
  guint      depth;
  GPtrArray *kept;     /* labels of the fields the last undo or redo left as they were */
  gboolean   kept_by_undo;
};

G_DEFINE_FINAL_TYPE (SaUndoStack, sa_undo_stack, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_STORE,
  PROP_CAN_UNDO,
  PROP_CAN_REDO,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
step_free (Step *step)
{
  g_free (step->id);
  g_clear_object (&step->before);
  g_clear_object (&step->after);
  g_strfreev (step->links_before);
  g_strfreev (step->links_after);
  g_free (step);
}

static void
group_free (Group *group)
{
  g_free (group->label);
  g_ptr_array_unref (group->steps);
  g_free (group);
}

static Group *
group_new (const char *label)
{
  Group *group = g_new0 (Group, 1);

  group->label = g_strdup (label);
  group->steps = g_ptr_array_new_with_free_func ((GDestroyNotify) step_free);
  return group;
}

static void
notify_state (SaUndoStack *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_UNDO]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_REDO]);
}

/* ---- recording ------------------------------------------------------------------ */

gboolean
sa_undo_stack_begin (SaUndoStack  *self,
                     const char   *label,
                     GError      **error)
{
  g_return_val_if_fail (SA_IS_UNDO_STACK (self), FALSE);

  if (!sa_store_begin (self->store, error))
    return FALSE;
  if (self->depth++ == 0)
    self->open = group_new (label);
  return TRUE;
}

gboolean
sa_undo_stack_commit (SaUndoStack  *self,
                      GError      **error)
{
  g_return_val_if_fail (SA_IS_UNDO_STACK (self), FALSE);
  g_return_val_if_fail (self->depth > 0, FALSE);

  if (!sa_store_commit (self->store, error))
    {
      sa_undo_stack_rollback (self);
      return FALSE;
    }
  if (--self->depth > 0)
    return TRUE;

  if (self->open->steps->len > 0)
    {
      g_ptr_array_add (self->undo, g_steal_pointer (&self->open));
      if (self->undo->len > MAX_GROUPS)
        g_ptr_array_remove_index (self->undo, 0);
      g_ptr_array_set_size (self->redo, 0);
    }
  g_clear_pointer (&self->open, group_free);
  notify_state (self);
  return TRUE;
}

void
sa_undo_stack_rollback (SaUndoStack *self)
{
  g_return_if_fail (SA_IS_UNDO_STACK (self));
  g_return_if_fail (self->depth > 0);

  sa_store_rollback (self->store);
  if (--self->depth == 0)
    g_clear_pointer (&self->open, group_free);
}

static gboolean
add_step (SaUndoStack *self,
          Step        *step)
{
  g_ptr_array_add (self->open->steps, step);
  return TRUE;
}

static Step *
step_new (StepKind       kind,
          const SaTable *table,
          const char    *id)
{
  Step *step = g_new0 (Step, 1);

  step->kind = kind;
  step->table = table;
  step->id = g_strdup (id);
  return step;
}

/* Closes what sa_undo_stack_begin() opened for one change (a group of its own, or a
 * level in the group already open): kept when the change was made, rolled back when not. */
static gboolean
end_change (SaUndoStack  *self,
            gboolean      done,
            GError      **error)
{
  if (!done)
    {
      sa_undo_stack_rollback (self);
      return FALSE;
    }
  return sa_undo_stack_commit (self, error);
}

static gboolean
insert_step (SaUndoStack  *self,
             SaRecord     *record,
             GError      **error)
{
  Step *step;

  if (!sa_store_insert (self->store, record, error))
    return FALSE;
  step = step_new (STEP_TOMBSTONE, sa_record_get_table (record), sa_record_get_id (record));
  step->deleted = FALSE;
  return add_step (self, step);
}

/**
 * sa_undo_stack_insert:
 * @self: an undo stack
 * @record: a new record
 * @error: return location for what is wrong with it
 *
 * Adds @record to the store; undoing deletes it again.
 */
gboolean
sa_undo_stack_insert (SaUndoStack  *self,
                      SaRecord     *record,
                      GError      **error)
{
  g_return_val_if_fail (SA_IS_UNDO_STACK (self), FALSE);

  return sa_undo_stack_begin (self, _("Add"), error) &&
         end_change (self, insert_step (self, record, error), error);
}

static gboolean
update_step (SaUndoStack  *self,
             SaRecord     *edited,
             GError      **error)
{
  const SaTable *table = sa_record_get_table (edited);
  g_autoptr(SaRecord) before = sa_store_get (self->store, table, sa_record_get_id (edited), error);
  Step *step;

  if (before == NULL || !sa_store_update (self->store, edited, error))
    return FALSE;
  step = step_new (STEP_UPDATE, table, sa_record_get_id (edited));
  step->before = g_steal_pointer (&before);
  step->after = sa_record_copy (edited);
  return add_step (self, step);
}

/**
 * sa_undo_stack_update:
 * @self: an undo stack
 * @edited: an edited copy of a stored row
 * @error: return location for what is wrong with it
 *
 * Writes the edit; undoing writes the earlier values back as a new edit.
 */
gboolean
sa_undo_stack_update (SaUndoStack  *self,
                      SaRecord     *edited,
                      GError      **error)
{
  g_return_val_if_fail (SA_IS_UNDO_STACK (self), FALSE);

  return sa_undo_stack_begin (self, _("Edit"), error) &&
         end_change (self, update_step (self, edited, error), error);
}

static gboolean
deleted_step (SaUndoStack    *self,
              const SaTable  *table,
              const char     *id,
              gboolean        deleted,
              GError        **error)
{
  Step *step;

  if (!sa_store_set_deleted (self->store, table, id, deleted, error))
    return FALSE;
  step = step_new (STEP_TOMBSTONE, table, id);
  step->deleted = deleted;
  return add_step (self, step);
}

/**
 * sa_undo_stack_set_deleted:
 * @self: an undo stack
 * @table: the table
 * @id: the row
 * @deleted: whether to delete or bring back the row
 * @error: return location for an error
 */
gboolean
sa_undo_stack_set_deleted (SaUndoStack    *self,
                           const SaTable  *table,
                           const char     *id,
                           gboolean        deleted,
                           GError        **error)
{
  g_return_val_if_fail (SA_IS_UNDO_STACK (self), FALSE);

  return sa_undo_stack_begin (self, deleted ? _("Delete") : _("Restore"), error) &&
         end_change (self, deleted_step (self, table, id, deleted, error), error);
}

static gboolean
links_step (SaUndoStack         *self,
            const char          *activity_id,
            const char * const  *ids,
            GError             **error)
{
  g_auto(GStrv) before = sa_store_dup_activity_commitments (self->store, activity_id, error);
  Step *step;

  if (before == NULL || !sa_store_set_activity_commitments (self->store, activity_id, ids, error))
    return FALSE;
  step = step_new (STEP_LINKS, NULL, activity_id);
  step->links_before = g_steal_pointer (&before);
  step->links_after = g_strdupv ((char **) ids);
  return add_step (self, step);
}

/**
 * sa_undo_stack_set_links:
 * @self: an undo stack
 * @activity_id: an activity
 * @commitment_ids: the commitments it advances
 * @error: return location for an error
 */
gboolean
sa_undo_stack_set_links (SaUndoStack         *self,
                         const char          *activity_id,
                         const char * const  *commitment_ids,
                         GError             **error)
{
  g_return_val_if_fail (SA_IS_UNDO_STACK (self), FALSE);

  return sa_undo_stack_begin (self, _("Edit"), error) &&
         end_change (self, links_step (self, activity_id, commitment_ids, error), error);
}

/* ---- replaying ------------------------------------------------------------------ */

/* Undo and redo write back only what the step changed, and only where the stored row
 * still holds what the step wrote: a field that another program, window or imported
 * file changed since is kept, and named afterwards (sa_undo_stack_dup_kept_message()),
 * so that an undo never spreads an old value of a field it did not touch.
 *
 * A tombstone is written back only when it still holds the state the step gave it; if
 * another site already restored or deleted the row, it is already as the undo would
 * leave it and keeps that site's clock. Undoing an add deletes the row even if its
 * fields were edited elsewhere since: the tombstone keeps those values, and redo or
 * Restore brings them back. */

static void
note_kept (SaUndoStack    *self,
           const SaColumn *column)
{
  const char *label = _(column->label);

  for (guint i = 0; i < self->kept->len; i++)
    if (g_str_equal (g_ptr_array_index (self->kept, i), label))
      return;
  g_ptr_array_add (self->kept, g_strdup (label));
}

/* Writes, as a new edit, @to's value of each field where @from and @to differ, if the
 * stored row still holds @from's value there. */
static gboolean
write_fields (SaUndoStack  *self,
              SaRecord     *from,
              SaRecord     *to,
              GError      **error)
{
  const SaTable *table = sa_record_get_table (to);
  g_autoptr(SaRecord) current = sa_store_get (self->store, table, sa_record_get_id (to), error);
  g_autoptr(SaRecord) edited = NULL;

  if (current == NULL)
    return FALSE;
  edited = sa_record_copy (current);
  for (guint i = 0; i < table->n_columns; i++)
    {
      if (sa_record_value_equal (from, to, i) || sa_record_value_equal (current, to, i))
        continue;
      if (sa_record_value_equal (current, from, i))
        sa_record_copy_value (edited, to, i);
      else
        note_kept (self, &table->columns[i]);
    }
  return sa_store_update (self->store, edited, error);
}

/* The stored links, less those the step made and with those it removed, each only
 * where it is still as the step left it. */
static GStrv
replayed_links (const char * const *current,
                const char * const *from,
                const char * const *to)
{
  g_autoptr(GStrvBuilder) links = g_strv_builder_new ();

  for (guint i = 0; current[i] != NULL; i++)
    if (g_strv_contains (to, current[i]) || !g_strv_contains (from, current[i]))
      g_strv_builder_add (links, current[i]);
  for (guint i = 0; to[i] != NULL; i++)
    if (!g_strv_contains (from, to[i]) && !g_strv_contains (current, to[i]))
      g_strv_builder_add (links, to[i]);
  return g_strv_builder_end (links);
}

static gboolean
write_links (SaUndoStack         *self,
             const char          *activity_id,
             const char * const  *from,
             const char * const  *to,
             GError             **error)
{
  g_auto(GStrv) current = sa_store_dup_activity_commitments (self->store, activity_id, error);
  g_auto(GStrv) links = NULL;

  if (current == NULL)
    return FALSE;
  links = replayed_links ((const char * const *) current, from, to);
  return sa_store_set_activity_commitments (self->store, activity_id, (const char * const *) links, error);
}

static gboolean
replay_step (SaUndoStack  *self,
             Step         *step,
             gboolean      backwards,
             GError      **error)
{
  switch (step->kind)
    {
    case STEP_TOMBSTONE:
      /* A boolean not in the state the step wrote is in the state to go back to. */
      return sa_store_set_deleted (self->store, step->table, step->id,
                                   backwards ? !step->deleted : step->deleted, error);
    case STEP_UPDATE:
      return backwards ? write_fields (self, step->after, step->before, error)
                       : write_fields (self, step->before, step->after, error);
    case STEP_LINKS:
    default:
      return backwards ? write_links (self, step->id, (const char * const *) step->links_after,
                                      (const char * const *) step->links_before, error)
                       : write_links (self, step->id, (const char * const *) step->links_before,
                                      (const char * const *) step->links_after, error);
    }
}

static gboolean
replay_group (SaUndoStack  *self,
              Group        *group,
              gboolean      backwards,
              GError      **error)
{
  if (!sa_store_begin (self->store, error))
    return FALSE;
  for (guint i = 0; i < group->steps->len; i++)
    {
      guint index = backwards ? group->steps->len - 1 - i : i;

      if (!replay_step (self, g_ptr_array_index (group->steps, index), backwards, error))
        {
          sa_store_rollback (self->store);
          return FALSE;
        }
    }
  return sa_store_commit_or_rollback (self->store, error);
}

static gboolean
move_group (SaUndoStack  *self,
            GPtrArray    *from,
            GPtrArray    *to,
            gboolean      backwards,
            GError      **error)
{
  Group *group;

  g_return_val_if_fail (self->depth == 0, FALSE);

  if (from->len == 0)
    return TRUE;
  group = g_ptr_array_index (from, from->len - 1);
  g_ptr_array_set_size (self->kept, 0);
  self->kept_by_undo = backwards;
  if (!replay_group (self, group, backwards, error))
    {
      g_ptr_array_set_size (self->kept, 0);
      return FALSE;
    }

  g_ptr_array_add (to, g_ptr_array_steal_index (from, from->len - 1));
  notify_state (self);
  return TRUE;
}

/**
 * sa_undo_stack_undo:
 * @self: an undo stack
 * @error: return location for an error, such as a row another site deleted
 *
 * Reverses the newest change; it can be redone.
 */
gboolean
sa_undo_stack_undo (SaUndoStack  *self,
                    GError      **error)
{
  g_return_val_if_fail (SA_IS_UNDO_STACK (self), FALSE);

  return move_group (self, self->undo, self->redo, TRUE, error);
}

gboolean
sa_undo_stack_redo (SaUndoStack  *self,
                    GError      **error)
{
  g_return_val_if_fail (SA_IS_UNDO_STACK (self), FALSE);

  return move_group (self, self->redo, self->undo, FALSE, error);
}

gboolean
sa_undo_stack_get_can_undo (SaUndoStack *self)
{
  g_return_val_if_fail (SA_IS_UNDO_STACK (self), FALSE);

  return self->undo->len > 0;
}

gboolean
sa_undo_stack_get_can_redo (SaUndoStack *self)
{
  g_return_val_if_fail (SA_IS_UNDO_STACK (self), FALSE);

  return self->redo->len > 0;
}

static const char *
top_label (GPtrArray *groups)
{
  return groups->len > 0 ? ((Group *) g_ptr_array_index (groups, groups->len - 1))->label : NULL;
}

/**
 * sa_undo_stack_get_undo_label:
 * @self: an undo stack
 *
 * Returns: (nullable): what the next undo reverses, as given to sa_undo_stack_begin()
 */
const char *
sa_undo_stack_get_undo_label (SaUndoStack *self)
{
  g_return_val_if_fail (SA_IS_UNDO_STACK (self), NULL);

  return top_label (self->undo);
}

const char *
sa_undo_stack_get_redo_label (SaUndoStack *self)
{
  g_return_val_if_fail (SA_IS_UNDO_STACK (self), NULL);

  return top_label (self->redo);
}

/**
 * sa_undo_stack_get_kept:
 * @self: an undo stack
 *
 * Returns: (array zero-terminated=1) (transfer none): the names of the fields the last
 *   undo or redo left as they were, because they were changed elsewhere since the step
 */
const char * const *
sa_undo_stack_get_kept (SaUndoStack *self)
{
  static const char * const none[] = { NULL };

  g_return_val_if_fail (SA_IS_UNDO_STACK (self), NULL);

  /* An empty array may have no storage yet. */
  return self->kept->len > 0 ? (const char * const *) self->kept->pdata : none;
}

/* "A, B and C", in the words of the language shown. */
static char *
join_names (const char * const *names)
{
  guint n = g_strv_length ((char **) names);
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < n; i++)
    {
      if (i > 0)
        /* Translators: between the last two names of a list, as in “Title, Place and Notes” */
        g_string_append (text, i == n - 1 ? C_("list", " and ")
                                          /* Translators: between names of a list */
                                          : C_("list", ", "));
      g_string_append (text, names[i]);
    }
  return g_string_free (text, FALSE);
}

/**
 * sa_undo_stack_dup_kept_message:
 * @self: an undo stack
 *
 * Returns: (nullable): what to tell the person when the last undo or redo kept
 *   fields changed elsewhere since, or %NULL when it kept none
 */
char *
sa_undo_stack_dup_kept_message (SaUndoStack *self)
{
  g_autofree char *names = NULL;
  guint n;

  g_return_val_if_fail (SA_IS_UNDO_STACK (self), NULL);

  if ((n = self->kept->len) == 0)
    return NULL;
  names = join_names (sa_undo_stack_get_kept (self));
  if (self->kept_by_undo)
    /* Translators: %s names fields, as in “Participants and Notes” */
    return g_strdup_printf (n == 1 ? _("Undone. %s was changed elsewhere since and was kept.")
                                   : _("Undone. %s were changed elsewhere since and were kept."), names);
  /* Translators: %s names fields, as in “Participants and Notes” */
  return g_strdup_printf (n == 1 ? _("Redone. %s was changed elsewhere since and was kept.")
                                 : _("Redone. %s were changed elsewhere since and were kept."), names);
}

/* ---- object --------------------------------------------------------------------- */

static void
sa_undo_stack_finalize (GObject *object)
{
  SaUndoStack *self = SA_UNDO_STACK (object);

  g_clear_pointer (&self->open, group_free);
  g_ptr_array_unref (self->undo);
  g_ptr_array_unref (self->redo);
  g_ptr_array_unref (self->kept);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (sa_undo_stack_parent_class)->finalize (object);
}

static void
sa_undo_stack_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  SaUndoStack *self = SA_UNDO_STACK (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;
    case PROP_CAN_UNDO:
      g_value_set_boolean (value, sa_undo_stack_get_can_undo (self));
      break;
    case PROP_CAN_REDO:
      g_value_set_boolean (value, sa_undo_stack_get_can_redo (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sa_undo_stack_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  SaUndoStack *self = SA_UNDO_STACK (object);

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sa_undo_stack_class_init (SaUndoStackClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = sa_undo_stack_finalize;
  object_class->get_property = sa_undo_stack_get_property;
  object_class->set_property = sa_undo_stack_set_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, SA_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  /**
   * SaUndoStack:can-undo:
   *
   * Whether there is a change to undo.
   */
  properties[PROP_CAN_UNDO] =
    g_param_spec_boolean ("can-undo", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /**
   * SaUndoStack:can-redo:
   *
   * Whether there is an undone change to redo.
   */
  properties[PROP_CAN_REDO] =
    g_param_spec_boolean ("can-redo", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
sa_undo_stack_init (SaUndoStack *self)
{
  self->undo = g_ptr_array_new_with_free_func ((GDestroyNotify) group_free);
  self->redo = g_ptr_array_new_with_free_func ((GDestroyNotify) group_free);
  self->kept = g_ptr_array_new_null_terminated (0, g_free, TRUE);
}

SaUndoStack *
sa_undo_stack_new (SaStore *store)
{
  g_return_val_if_fail (SA_IS_STORE (store), NULL);

  return g_object_new (SA_TYPE_UNDO_STACK, "store", store, NULL);
}

SaStore *
sa_undo_stack_get_store (SaUndoStack *self)
{
  g_return_val_if_fail (SA_IS_UNDO_STACK (self), NULL);

  return self->store;
}

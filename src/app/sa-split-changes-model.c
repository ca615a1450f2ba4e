/* sa-split-changes-model.c: passes a list model on, a large replacement as two changes
 *
 * When one items-changed both removes rows a list view tracks (the focused row, the
 * row it scrolls from) and adds others, GTK 4.8's list item manager looks for the
 * tracked items among all the added ones, one get_item() each. A search or a sort
 * over 100,000 activities replaces nearly every row, and the filter model reaches
 * each of its rows slowly: that look-up took most of a keystroke's time. Reported as
 * a removal and then an addition, the same change gives it nothing to search.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "sasaeai"

#include "config.h"

#include "sa-split-changes-model.h"

/* Smaller replacements are passed on as they are: the search costs little, and
 * rows keep their widgets and selection. */
#define MIN_SPLIT 500

struct _SaSplitChangesModel
{
  GObject     parent_instance;

  GListModel *model;
  /* Between the two halves of a split change, the rows from position on are the
   * model's from position + skip on. */
  guint       split_position;
  guint       skip;
  guint       n_items;
};

static void list_model_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (SaSplitChangesModel, sa_split_changes_model, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, list_model_init))

static GType
get_item_type (GListModel *list)
{
  return g_list_model_get_item_type (SA_SPLIT_CHANGES_MODEL (list)->model);
}

static guint
get_n_items (GListModel *list)
{
  return SA_SPLIT_CHANGES_MODEL (list)->n_items;
}

static gpointer
get_item (GListModel *list,
          guint       position)
{
  SaSplitChangesModel *self = SA_SPLIT_CHANGES_MODEL (list);

  if (position >= self->n_items)
    return NULL;
  if (position >= self->split_position)
    position += self->skip;
  return g_list_model_get_item (self->model, position);
}

static void
list_model_init (GListModelInterface *iface)
{
  iface->get_item_type = get_item_type;
  iface->get_n_items = get_n_items;
  iface->get_item = get_item;
}

static void
on_items_changed (SaSplitChangesModel *self,
                  guint                position,
                  guint                removed,
                  guint                added)
{
  if (removed < MIN_SPLIT || added < MIN_SPLIT)
    {
      self->n_items = self->n_items - removed + added;
      g_list_model_items_changed (G_LIST_MODEL (self), position, removed, added);
      return;
    }

  self->split_position = position;
  self->skip = added;
  self->n_items -= removed;
  g_list_model_items_changed (G_LIST_MODEL (self), position, removed, 0);
  self->split_position = G_MAXUINT;
  self->skip = 0;
  self->n_items += added;
  g_list_model_items_changed (G_LIST_MODEL (self), position, 0, added);
}

static void
sa_split_changes_model_dispose (GObject *object)
{
  SaSplitChangesModel *self = SA_SPLIT_CHANGES_MODEL (object);

  if (self->model != NULL)
    g_signal_handlers_disconnect_by_func (self->model, on_items_changed, self);
  g_clear_object (&self->model);

  G_OBJECT_CLASS (sa_split_changes_model_parent_class)->dispose (object);
}

static void
sa_split_changes_model_class_init (SaSplitChangesModelClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = sa_split_changes_model_dispose;
}

static void
sa_split_changes_model_init (SaSplitChangesModel *self)
{
  self->split_position = G_MAXUINT;
}

/**
 * sa_split_changes_model_new:
 * @model: (transfer full): the model to pass on
 *
 * Returns: (transfer full): a model with the items of @model
 */
SaSplitChangesModel *
sa_split_changes_model_new (GListModel *model)
{
  SaSplitChangesModel *self;

  g_return_val_if_fail (G_IS_LIST_MODEL (model), NULL);

  self = g_object_new (SA_TYPE_SPLIT_CHANGES_MODEL, NULL);
  self->model = model;
  self->n_items = g_list_model_get_n_items (model);
  g_signal_connect_swapped (model, "items-changed", G_CALLBACK (on_items_changed), self);
  return self;
}

GListModel *
sa_split_changes_model_get_model (SaSplitChangesModel *self)
{
  g_return_val_if_fail (SA_IS_SPLIT_CHANGES_MODEL (self), NULL);

  return self->model;
}

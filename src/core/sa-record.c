/* sa-record.c: the base type of every entity
 *
 * A record holds the system columns every row has (id, clock, last writer, tombstone,
 * the clocks of fields written since creation) and one value per column of its table.
 * Each subclass names its table in class_init; the columns then become properties, so
 * views can bind and look them up like any other GObject property.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "sasaeai"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "sa-error.h"
#include "sa-record.h"

typedef struct
{
  gboolean  is_null;
  gint64    number;
  char     *text;
} SaValue;

typedef struct
{
  char       *id;
  char       *hlc;
  char       *site;
  gboolean    deleted;
  GHashTable *clocks;
  SaValue    *values;
} SaRecordPrivate;

G_DEFINE_ABSTRACT_TYPE_WITH_PRIVATE (SaRecord, sa_record, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_DELETED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* g_set_str() arrived in GLib 2.76. */
static gboolean
set_str (char       **str,
         const char  *value)
{
  if (g_strcmp0 (*str, value) == 0)
    return FALSE;
  g_free (*str);
  *str = g_strdup (value);
  return TRUE;
}

/* Without a checked cast: every caller has checked its record already, and the check
 * on a subclass's instance walks its ancestry, a few times a value read. */
#define GET_PRIV(self) ((SaRecordPrivate *) sa_record_get_instance_private ((SaRecord *) (self)))

static const SaTable *
record_table (SaRecord *self)
{
  return SA_RECORD_GET_CLASS (self)->table;
}

static void
sa_record_constructed (GObject *object)
{
  SaRecordPrivate *priv = GET_PRIV (object);
  const SaTable *table = record_table (SA_RECORD (object));

  G_OBJECT_CLASS (sa_record_parent_class)->constructed (object);

  /* Allocated here, not in init: while SaRecord's init runs, the instance's class is
   * still SaRecord's own, which has no table. Values start NULL, but required numbers
   * start at their smallest allowed value, so a new record is valid as far as numbers go. */
  priv->values = g_new0 (SaValue, table->n_columns);
  for (guint i = 0; i < table->n_columns; i++)
    {
      const SaColumn *column = &table->columns[i];

      if (column->type == SA_COLUMN_INT && (column->flags & SA_COLUMN_REQUIRED))
        priv->values[i] = (SaValue) { FALSE, MAX (column->min, 0), NULL };
      else
        priv->values[i].is_null = TRUE;
    }
}

static void
sa_record_finalize (GObject *object)
{
  SaRecordPrivate *priv = GET_PRIV (object);
  const SaTable *table = record_table (SA_RECORD (object));

  for (guint i = 0; i < table->n_columns; i++)
    g_free (priv->values[i].text);
  g_free (priv->values);
  g_free (priv->id);
  g_free (priv->hlc);
  g_free (priv->site);
  g_clear_pointer (&priv->clocks, g_hash_table_unref);

  G_OBJECT_CLASS (sa_record_parent_class)->finalize (object);
}

/* Column properties are installed by the subclass, after ours: their ids follow N_PROPS. */
static gboolean
column_of_pspec (GParamSpec *pspec,
                 guint       prop_id,
                 guint      *column)
{
  if (pspec->owner_type == SA_TYPE_RECORD)
    return FALSE;
  *column = prop_id - 1;
  return TRUE;
}

static void
sa_record_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  SaRecord *self = SA_RECORD (object);
  guint column;

  if (column_of_pspec (pspec, prop_id, &column))
    {
      if (G_PARAM_SPEC_VALUE_TYPE (pspec) == G_TYPE_INT64)
        g_value_set_int64 (value, sa_record_get_int (self, column));
      else
        g_value_set_string (value, sa_record_get_text (self, column));
      return;
    }

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, sa_record_get_id (self));
      break;

    case PROP_DELETED:
      g_value_set_boolean (value, sa_record_get_deleted (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sa_record_set_property (GObject      *object,
                        guint         prop_id,
                        const GValue *value,
                        GParamSpec   *pspec)
{
  SaRecord *self = SA_RECORD (object);
  guint column;

  if (column_of_pspec (pspec, prop_id, &column))
    {
      if (G_PARAM_SPEC_VALUE_TYPE (pspec) == G_TYPE_INT64)
        sa_record_set_int (self, column, g_value_get_int64 (value));
      else
        sa_record_set_text (self, column, g_value_get_string (value));
      return;
    }

  switch (prop_id)
    {
    case PROP_ID:
      sa_record_set_id (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sa_record_class_init (SaRecordClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = sa_record_constructed;
  object_class->finalize = sa_record_finalize;
  object_class->get_property = sa_record_get_property;
  object_class->set_property = sa_record_set_property;

  /**
   * SaRecord:id:
   *
   * The row's UUID; the same on every site.
   */
  properties[PROP_ID] =
    g_param_spec_string ("id", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * SaRecord:deleted:
   *
   * Whether the row is hidden by a tombstone.
   */
  properties[PROP_DELETED] =
    g_param_spec_boolean ("deleted", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
sa_record_init (SaRecord *self)
{
}

static GParamSpec *
column_pspec (const SaColumn *column)
{
  g_autofree char *name = g_strdelimit (g_strdup (column->name), "_", '-');
  const char *interned = g_intern_string (name);
  GParamFlags flags = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  if (column->type == SA_COLUMN_INT)
    return g_param_spec_int64 (interned, NULL, NULL, MIN (column->min, 0), column->max,
                               MAX (column->min, 0), flags);
  return g_param_spec_string (interned, NULL, NULL, NULL, flags);
}

/**
 * sa_record_class_set_table:
 * @klass: a subclass's class structure, from its class_init
 * @table: the static description of the subclass's table
 *
 * Names the table a subclass stores and installs one property per column.
 */
void
sa_record_class_set_table (SaRecordClass *klass,
                           const SaTable *table)
{
  g_return_if_fail (SA_IS_RECORD_CLASS (klass));
  g_return_if_fail (table != NULL);

  /* GObject does not pass get_property and set_property on to subclasses. */
  G_OBJECT_CLASS (klass)->get_property = sa_record_get_property;
  G_OBJECT_CLASS (klass)->set_property = sa_record_set_property;

  klass->table = table;
  klass->column_pspecs = g_new (GParamSpec *, table->n_columns);
  for (guint i = 0; i < table->n_columns; i++)
    {
      klass->column_pspecs[i] = column_pspec (&table->columns[i]);
      g_object_class_install_property (G_OBJECT_CLASS (klass), i + 1, klass->column_pspecs[i]);
    }
}

const SaTable *
sa_record_class_get_table (SaRecordClass *klass)
{
  g_return_val_if_fail (SA_IS_RECORD_CLASS (klass), NULL);

  return klass->table;
}

/**
 * sa_record_new:
 * @table: a table
 *
 * Returns: (transfer full): a new, empty record of the type that stores @table
 */
SaRecord *
sa_record_new (const SaTable *table)
{
  g_return_val_if_fail (table != NULL, NULL);

  return g_object_new (table->get_type (), NULL);
}

/**
 * sa_record_copy:
 * @self: a record
 *
 * Returns: (transfer full): a record with the same id, clocks and values, to edit
 *   without touching @self
 */
SaRecord *
sa_record_copy (SaRecord *self)
{
  SaRecordPrivate *priv, *copy_priv;
  const SaTable *table;
  SaRecord *copy;

  g_return_val_if_fail (SA_IS_RECORD (self), NULL);

  priv = GET_PRIV (self);
  table = record_table (self);
  copy = sa_record_new (table);
  copy_priv = GET_PRIV (copy);

  copy_priv->id = g_strdup (priv->id);
  sa_record_set_system (copy, priv->hlc, priv->site, priv->deleted, priv->clocks);
  for (guint i = 0; i < table->n_columns; i++)
    {
      copy_priv->values[i] = priv->values[i];
      copy_priv->values[i].text = g_strdup (priv->values[i].text);
    }

  return copy;
}

const SaTable *
sa_record_get_table (SaRecord *self)
{
  g_return_val_if_fail (SA_IS_RECORD (self), NULL);

  return record_table (self);
}

const char *
sa_record_get_id (SaRecord *self)
{
  g_return_val_if_fail (SA_IS_RECORD (self), NULL);

  return GET_PRIV (self)->id;
}

/* Ids are kept in lower case, however another program wrote them. Most are already,
 * and reading 100,000 rows should not copy each id once more. */
static const char *
lower_id (const char  *id,
          char       **lower)
{
  for (const char *p = id; p != NULL && *p; p++)
    if (g_ascii_isupper (*p))
      return *lower = sa_id_normalize (id);
  return id;
}

void
sa_record_set_id (SaRecord   *self,
                  const char *id)
{
  g_autofree char *lower = NULL;

  g_return_if_fail (SA_IS_RECORD (self));

  if (set_str (&GET_PRIV (self)->id, lower_id (id, &lower)))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ID]);
}

const char *
sa_record_get_hlc (SaRecord *self)
{
  g_return_val_if_fail (SA_IS_RECORD (self), NULL);

  return GET_PRIV (self)->hlc;
}

const char *
sa_record_get_site (SaRecord *self)
{
  g_return_val_if_fail (SA_IS_RECORD (self), NULL);

  return GET_PRIV (self)->site;
}

gboolean
sa_record_get_deleted (SaRecord *self)
{
  g_return_val_if_fail (SA_IS_RECORD (self), FALSE);

  return GET_PRIV (self)->deleted;
}

/**
 * sa_record_get_clocks:
 * @self: a record
 *
 * Returns: (transfer none) (nullable): the clocks of the fields written since the row
 *   was created, by field name; %NULL when there are none
 */
GHashTable *
sa_record_get_clocks (SaRecord *self)
{
  g_return_val_if_fail (SA_IS_RECORD (self), NULL);

  return GET_PRIV (self)->clocks;
}

/**
 * sa_record_get_clock:
 * @self: a record
 * @field: a column name, or "deleted"
 *
 * Returns: the clock of the field's last write: its own entry, or the row's clock
 */
const char *
sa_record_get_clock (SaRecord   *self,
                     const char *field)
{
  SaRecordPrivate *priv;
  const char *clock = NULL;

  g_return_val_if_fail (SA_IS_RECORD (self), NULL);

  priv = GET_PRIV (self);
  if (priv->clocks != NULL)
    clock = g_hash_table_lookup (priv->clocks, field);
  return clock != NULL ? clock : priv->hlc;
}

/**
 * sa_record_set_system:
 * @self: a record
 * @hlc: the row's clock
 * @site: the id of the site that wrote it last
 * @deleted: the tombstone
 * @clocks: (nullable): field clocks, copied
 *
 * Sets the system columns, as read from the database or a file.
 */
void
sa_record_set_system (SaRecord   *self,
                      const char *hlc,
                      const char *site,
                      gboolean    deleted,
                      GHashTable *clocks)
{
  SaRecordPrivate *priv;

  g_return_if_fail (SA_IS_RECORD (self));

  priv = GET_PRIV (self);
  set_str (&priv->hlc, hlc);
  set_str (&priv->site, site);
  g_clear_pointer (&priv->clocks, g_hash_table_unref);

  if (clocks != NULL && g_hash_table_size (clocks) > 0)
    {
      GHashTableIter iter;
      gpointer key, value;

      priv->clocks = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
      g_hash_table_iter_init (&iter, clocks);
      while (g_hash_table_iter_next (&iter, &key, &value))
        g_hash_table_insert (priv->clocks, g_strdup (key), g_strdup (value));
    }

  if (priv->deleted != !!deleted)
    {
      priv->deleted = !!deleted;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DELETED]);
    }
}

gboolean
sa_record_is_null (SaRecord *self,
                   guint     column)
{
  g_return_val_if_fail (SA_IS_RECORD (self), TRUE);
  g_return_val_if_fail (column < record_table (self)->n_columns, TRUE);

  return GET_PRIV (self)->values[column].is_null;
}

const char *
sa_record_get_text (SaRecord *self,
                    guint     column)
{
  g_return_val_if_fail (SA_IS_RECORD (self), NULL);
  g_return_val_if_fail (column < record_table (self)->n_columns, NULL);

  return GET_PRIV (self)->values[column].text;
}

gint64
sa_record_get_int (SaRecord *self,
                   guint     column)
{
  g_return_val_if_fail (SA_IS_RECORD (self), 0);
  g_return_val_if_fail (column < record_table (self)->n_columns, 0);

  return GET_PRIV (self)->values[column].number;
}

static void
notify_column (SaRecord *self,
               guint     column)
{
  g_object_notify_by_pspec (G_OBJECT (self), SA_RECORD_GET_CLASS (self)->column_pspecs[column]);
}

void
sa_record_set_text (SaRecord   *self,
                    guint       column,
                    const char *text)
{
  g_autofree char *lower = NULL;
  SaValue *value;

  g_return_if_fail (SA_IS_RECORD (self));
  g_return_if_fail (column < record_table (self)->n_columns);
  g_return_if_fail (record_table (self)->columns[column].type != SA_COLUMN_INT);

  if (record_table (self)->columns[column].type == SA_COLUMN_REF)
    text = lower_id (text, &lower);
  value = &GET_PRIV (self)->values[column];
  if (value->is_null == (text == NULL) && g_strcmp0 (value->text, text) == 0)
    return;

  set_str (&value->text, text);
  value->is_null = (text == NULL);
  notify_column (self, column);
}

void
sa_record_set_int (SaRecord *self,
                   guint     column,
                   gint64    number)
{
  SaValue *value;

  g_return_if_fail (SA_IS_RECORD (self));
  g_return_if_fail (column < record_table (self)->n_columns);
  g_return_if_fail (record_table (self)->columns[column].type == SA_COLUMN_INT);

  value = &GET_PRIV (self)->values[column];
  if (!value->is_null && value->number == number)
    return;

  value->number = number;
  value->is_null = FALSE;
  notify_column (self, column);
}

void
sa_record_set_null (SaRecord *self,
                    guint     column)
{
  SaValue *value;

  g_return_if_fail (SA_IS_RECORD (self));
  g_return_if_fail (column < record_table (self)->n_columns);

  value = &GET_PRIV (self)->values[column];
  if (value->is_null)
    return;

  g_clear_pointer (&value->text, g_free);
  value->number = 0;
  value->is_null = TRUE;
  notify_column (self, column);
}

gboolean
sa_record_value_equal (SaRecord *self,
                       SaRecord *other,
                       guint     column)
{
  const SaValue *a, *b;

  g_return_val_if_fail (SA_IS_RECORD (self), FALSE);
  g_return_val_if_fail (SA_IS_RECORD (other), FALSE);
  g_return_val_if_fail (record_table (self) == record_table (other), FALSE);

  a = &GET_PRIV (self)->values[column];
  b = &GET_PRIV (other)->values[column];
  if (a->is_null || b->is_null)
    return a->is_null == b->is_null;
  return a->number == b->number && g_strcmp0 (a->text, b->text) == 0;
}

/**
 * sa_record_copy_value:
 * @self: a record
 * @from: a record of the same table
 * @column: the column
 *
 * Sets @self's value of @column to @from's, so an edit can carry over one field.
 */
void
sa_record_copy_value (SaRecord *self,
                      SaRecord *from,
                      guint     column)
{
  g_return_if_fail (SA_IS_RECORD (self));
  g_return_if_fail (SA_IS_RECORD (from));
  g_return_if_fail (record_table (self) == record_table (from));

  if (sa_record_is_null (from, column))
    sa_record_set_null (self, column);
  else if (record_table (from)->columns[column].type == SA_COLUMN_INT)
    sa_record_set_int (self, column, sa_record_get_int (from, column));
  else
    sa_record_set_text (self, column, sa_record_get_text (from, column));
}

/**
 * sa_record_validate:
 * @self: a record
 * @error: return location for a message that names the column and what is wrong
 *
 * Checks every value against the table's description. References are not looked up
 * here: only the store knows which rows exist.
 */
gboolean
sa_record_validate (SaRecord *self,
                    GError  **error)
{
  SaRecordPrivate *priv;
  const SaTable *table;

  g_return_val_if_fail (SA_IS_RECORD (self), FALSE);

  priv = GET_PRIV (self);
  table = record_table (self);

  if (!sa_id_is_valid (priv->id))
    {
      g_set_error (error, SA_ERROR, SA_ERROR_INVALID, _("“%s” is not a valid id"),
                   priv->id ? priv->id : "");
      return FALSE;
    }

  for (guint i = 0; i < table->n_columns; i++)
    {
      const SaColumn *column = &table->columns[i];
      const SaValue *value = &priv->values[i];

      if (value->is_null)
        {
          if (column->flags & SA_COLUMN_REQUIRED)
            {
              g_set_error (error, SA_ERROR, SA_ERROR_INVALID,
                           _("%s is required"), _(column->label));
              return FALSE;
            }
          continue;
        }

      if (column->type == SA_COLUMN_INT
          ? !sa_column_check_int (table, column, value->number, error)
          : !sa_column_check_text (table, column, value->text, error))
        return FALSE;
    }

  return TRUE;
}

/* sa-context.c: what the window's views share
 *
 * One object for the state every view, form and dialog of a window needs: the
 * database, the undo stack its edits go through, the activity filter the views of
 * activities share, and the application's settings, with the preferences several
 * views read turned into the types they use (as gnome-calendar's GcalContext). A
 * view takes the context alone, so a new piece of shared state is added here
 * instead of to every constructor, and a preference is read and mapped once.
 *
 * It lives in the core, below the window, because all its parts do: the CLI could
 * take one too, though it has no undo stack to share and reads its settings only
 * when the schema is installed.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "sasaeai"

#include "config.h"

#include "sa-context.h"

struct _SaContext
{
  GObject           parent_instance;

  SaStore          *store;
  SaUndoStack      *undo_stack;
  SaActivityFilter *filter;
  GSettings        *settings;
};

G_DEFINE_FINAL_TYPE (SaContext, sa_context, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_STORE,
  PROP_UNDO_STACK,
  PROP_FILTER,
  PROP_SETTINGS,
  PROP_YEAR_FORMAT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static SaYearFormat
year_format_for (GSettings *settings)
{
  g_autofree char *setting = g_settings_get_string (settings, "year-format");

  return sa_year_format_for_setting (setting, g_str_has_prefix (g_get_language_names ()[0], "ja"));
}

/* The years in core's messages, such as a phase outside the plan's years, written
 * as the views write them. The hook has no context to ask, and every context reads
 * the same settings. */
static char *
message_year_label (int fy)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);

  return sa_fiscal_year_label (fy, year_format_for (settings));
}

static void
on_year_format_changed (SaContext *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_YEAR_FORMAT]);
}

static void
sa_context_constructed (GObject *object)
{
  SaContext *self = SA_CONTEXT (object);

  G_OBJECT_CLASS (sa_context_parent_class)->constructed (object);

  self->undo_stack = sa_undo_stack_new (self->store);
  self->filter = sa_activity_filter_new ();
  self->settings = g_settings_new (APP_ID);
  g_signal_connect_object (self->settings, "changed::year-format", G_CALLBACK (on_year_format_changed), self,
                           G_CONNECT_SWAPPED);
  /* GSettings announces a change only of a key read since the handler was connected. */
  g_free (g_settings_get_string (self->settings, "year-format"));
  sa_set_message_year_label (message_year_label);
}

static void
sa_context_dispose (GObject *object)
{
  SaContext *self = SA_CONTEXT (object);

  g_clear_object (&self->settings);
  g_clear_object (&self->filter);
  g_clear_object (&self->undo_stack);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (sa_context_parent_class)->dispose (object);
}

static void
sa_context_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  SaContext *self = SA_CONTEXT (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;

    case PROP_UNDO_STACK:
      g_value_set_object (value, self->undo_stack);
      break;

    case PROP_FILTER:
      g_value_set_object (value, self->filter);
      break;

    case PROP_SETTINGS:
      g_value_set_object (value, self->settings);
      break;

    case PROP_YEAR_FORMAT:
      g_value_set_enum (value, sa_context_get_year_format (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sa_context_set_property (GObject      *object,
                         guint         prop_id,
                         const GValue *value,
                         GParamSpec   *pspec)
{
  SaContext *self = SA_CONTEXT (object);

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
sa_context_class_init (SaContextClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = sa_context_constructed;
  object_class->dispose = sa_context_dispose;
  object_class->get_property = sa_context_get_property;
  object_class->set_property = sa_context_set_property;

  /**
   * SaContext:store:
   *
   * The plan database.
   */
  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, SA_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  /**
   * SaContext:undo-stack:
   *
   * The one undo stack every edit in the window goes through.
   */
  properties[PROP_UNDO_STACK] =
    g_param_spec_object ("undo-stack", NULL, NULL, SA_TYPE_UNDO_STACK,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  /**
   * SaContext:filter:
   *
   * Which activities the log, the calendar and the timeline's counts show.
   */
  properties[PROP_FILTER] =
    g_param_spec_object ("filter", NULL, NULL, SA_TYPE_ACTIVITY_FILTER,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  /**
   * SaContext:settings:
   *
   * The application's settings, for the keys only one place reads.
   */
  properties[PROP_SETTINGS] =
    g_param_spec_object ("settings", NULL, NULL, G_TYPE_SETTINGS,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  /**
   * SaContext:year-format:
   *
   * How fiscal years are written, by the `year-format` preference and the
   * interface's language; notified when the preference changes.
   */
  properties[PROP_YEAR_FORMAT] =
    g_param_spec_enum ("year-format", NULL, NULL, SA_TYPE_YEAR_FORMAT, SA_YEAR_FORMAT_FY,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
sa_context_init (SaContext *self)
{
}

/**
 * sa_context_new:
 * @store: the plan database
 *
 * Returns: (transfer full): a context with a new undo stack on @store, an empty
 *   filter and the application's settings
 */
SaContext *
sa_context_new (SaStore *store)
{
  g_return_val_if_fail (SA_IS_STORE (store), NULL);

  return g_object_new (SA_TYPE_CONTEXT, "store", store, NULL);
}

SaStore *
sa_context_get_store (SaContext *self)
{
  g_return_val_if_fail (SA_IS_CONTEXT (self), NULL);

  return self->store;
}

SaUndoStack *
sa_context_get_undo_stack (SaContext *self)
{
  g_return_val_if_fail (SA_IS_CONTEXT (self), NULL);

  return self->undo_stack;
}

SaActivityFilter *
sa_context_get_filter (SaContext *self)
{
  g_return_val_if_fail (SA_IS_CONTEXT (self), NULL);

  return self->filter;
}

GSettings *
sa_context_get_settings (SaContext *self)
{
  g_return_val_if_fail (SA_IS_CONTEXT (self), NULL);

  return self->settings;
}

/**
 * sa_context_get_year_format:
 * @self: a context
 *
 * The one place the `year-format` preference becomes a format, for every view and
 * printout of the window: see sa_year_format_for_setting(). It is mapped when read,
 * so it follows the interface's language too.
 *
 * Returns: how fiscal years are written: 平成22年度, 平成22年度(2010), 2010年度 or FY2010
 */
SaYearFormat
sa_context_get_year_format (SaContext *self)
{
  g_return_val_if_fail (SA_IS_CONTEXT (self), SA_YEAR_FORMAT_FY);

  return year_format_for (self->settings);
}

/**
 * sa_context_dup_year_label:
 * @self: a context
 * @fy: a fiscal year
 *
 * Returns: (transfer full): @fy written the way the person chose
 */
char *
sa_context_dup_year_label (SaContext *self,
                           int        fy)
{
  return sa_fiscal_year_label (fy, sa_context_get_year_format (self));
}

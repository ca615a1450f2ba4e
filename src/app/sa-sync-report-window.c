/* sa-sync-report-window.c: what importing another site's sync file did
 *
 * The counts for each file, then each conflict — a field both computers changed
 * since they last exchanged files — with both values side by side. The merge has
 * already chosen the later one; "Keep This Version" on the other side writes that
 * value as a new local edit, which is later than both and so wins on every computer
 * at the next exchange. Keeping the side that won only marks the conflict decided.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "sasaeai"

#include "config.h"

#include <glib/gi18n.h>

#include "sa-activity.h"
#include "sa-hlc.h"
#include "sa-schema.h"
#include "sa-sync-report-window.h"
#include "sa-toast.h"

enum { LOCAL, INCOMING };

typedef struct
{
  const SaTable *table;
  char          *id;
  char          *field;
  JsonNode      *values[2];
  char          *clocks[2];
  gboolean       incoming_won;
  GtkWidget     *status[2];
  GtkWidget     *buttons[2];
} Item;

struct _SaSyncReportWindow
{
  AdwWindow             parent_instance;

  SaUndoStack          *undo_stack;
  gboolean              dry_run;
  GHashTable           *names;   /* site id → name */
  GPtrArray            *items;

  AdwToastOverlay      *toast_overlay;
  AdwWindowTitle       *window_title;
  GtkWidget            *dry_run_label;
  GtkBox               *sources_box;
  AdwPreferencesGroup  *conflicts_group;
  GtkBox               *conflicts_box;
  GtkWidget            *empty_page;
};

G_DEFINE_FINAL_TYPE (SaSyncReportWindow, sa_sync_report_window, ADW_TYPE_WINDOW)

/* How each table's rows are called, for people. */
static const struct { const char *table; const char *noun; } table_nouns[] = {
  { "plan", N_("Plan") },
  { "section", N_("Section") },
  { "situation_note", N_("Situation Note") },
  { "goal", N_("Goal") },
  { "initiative", N_("Initiative") },
  { "actor", N_("Actor") },
  { "organization", N_("Organization") },
  { "district", N_("District") },
  { "expected_action", N_("Expected Action") },
  { "commitment", N_("Commitment") },
  { "schedule_phase", N_("Schedule Phase") },
  { "activity", N_("Activity") },
  { "activity_link", N_("Link of an Activity to a Commitment") },
  { "review", N_("Review") },
  { "rating_level", N_("Rating Level") },
};

static void
item_free (Item *item)
{
  g_free (item->id);
  g_free (item->field);
  for (guint i = 0; i < 2; i++)
    {
      g_clear_pointer (&item->values[i], json_node_unref);
      g_free (item->clocks[i]);
    }
  g_free (item);
}

static SaStore *
get_store (SaSyncReportWindow *self)
{
  return sa_undo_stack_get_store (self->undo_stack);
}

/* ---- describing rows and values ------------------------------------------------ */

static const char *
table_noun (const SaTable *table)
{
  for (guint i = 0; i < G_N_ELEMENTS (table_nouns); i++)
    if (g_str_equal (table_nouns[i].table, table->name))
      return _(table_nouns[i].noun);
  return table->name;
}

/* The text a person knows a row by: an activity's title and date, otherwise its
 * name, title, label or text. */
static char *
describe_row (SaStore       *store,
              const SaTable *table,
              const char    *id)
{
  const char *candidates[] = { "name", "title", "label", "text" };
  g_autoptr(SaRecord) record = sa_store_get (store, table, id, NULL);

  if (record == NULL)
    return g_strdup (id);
  if (SA_IS_ACTIVITY (record))
    /* Translators: an activity: its title, then its date */
    return g_strdup_printf (_("“%s”, %s"), sa_record_get_text (record, SA_ACTIVITY_TITLE),
                            sa_record_get_text (record, SA_ACTIVITY_DATE));
  for (guint i = 0; i < G_N_ELEMENTS (candidates); i++)
    {
      int column = sa_table_find_column (table, candidates[i]);

      if (column >= 0 && sa_record_get_text (record, column) != NULL)
        return g_strdup_printf ("“%s”", sa_record_get_text (record, column));
    }
  return g_strdup (id);
}

static const char *
field_label (const SaTable *table,
             const char    *field)
{
  int column = sa_table_find_column (table, field);

  if (column < 0)
    return g_str_equal (field, "deleted") ? _("Deleted") : field;
  return _(table->columns[column].label);
}

static char *
describe_value (SaStore       *store,
                const SaTable *table,
                const char    *field,
                JsonNode      *value)
{
  int index = sa_table_find_column (table, field);
  const SaColumn *column = index >= 0 ? &table->columns[index] : NULL;

  if (value == NULL || JSON_NODE_HOLDS_NULL (value))
    return g_strdup (_("(empty)"));
  if (json_node_get_value_type (value) == G_TYPE_BOOLEAN)
    return g_strdup (json_node_get_boolean (value) ? _("Deleted") : _("Not deleted"));
  if (json_node_get_value_type (value) == G_TYPE_INT64)
    return g_strdup_printf ("%" G_GINT64_FORMAT, json_node_get_int (value));
  if (column != NULL && column->type == SA_COLUMN_REF)
    return describe_row (store, sa_schema_find_table (column->ref), json_node_get_string (value));
  if (column != NULL && column->choices != NULL)
    return g_strdup (sa_column_choice_label (column, json_node_get_string (value)));
  return g_strdup (json_node_get_string (value));
}

static const char *
site_name (SaSyncReportWindow *self,
           const char         *site_id)
{
  const char *name = site_id ? g_hash_table_lookup (self->names, site_id) : NULL;

  return name && *name ? name : _("another computer");
}

/* "Changed by 泉区社協 on 2026-01-05 10:23" */
static char *
describe_clock (SaSyncReportWindow *self,
                const char         *clock)
{
  g_autoptr(GDateTime) utc = NULL;
  g_autoptr(GDateTime) local = NULL;
  g_autofree char *when = NULL;
  g_autofree char *site = NULL;
  const char *site_id = NULL;
  gint64 wall = 0;

  if (!sa_hlc_parse (clock, &wall, NULL, &site_id))
    return g_strdup ("");
  utc = g_date_time_new_from_unix_utc (wall / 1000);
  local = g_date_time_to_local (utc);
  when = g_date_time_format (local, "%Y-%m-%d %H:%M");
  /* Translators: who wrote a value and when */
  return g_strdup_printf (_("Changed by %s on %s"), site_name (self, site_id), when);
}

/* ---- deciding ------------------------------------------------------------------ */

static gboolean
set_field (SaRecord    *record,
           const char  *field,
           JsonNode    *value)
{
  int column = sa_table_find_column (sa_record_get_table (record), field);

  if (column < 0)
    return FALSE;
  if (JSON_NODE_HOLDS_NULL (value))
    sa_record_set_null (record, column);
  else if (json_node_get_value_type (value) == G_TYPE_INT64)
    sa_record_set_int (record, column, json_node_get_int (value));
  else
    sa_record_set_text (record, column, json_node_get_string (value));
  return TRUE;
}

/* Writes the value that lost as a new edit, through the undo stack so it can be
 * undone like any other. */
static gboolean
write_value (SaSyncReportWindow  *self,
             Item                *item,
             JsonNode            *value,
             GError             **error)
{
  g_autoptr(SaRecord) record = NULL;

  if (json_node_get_value_type (value) == G_TYPE_BOOLEAN)
    return sa_undo_stack_set_deleted (self->undo_stack, item->table, item->id,
                                      json_node_get_boolean (value), error);
  if (!(record = sa_store_get (get_store (self), item->table, item->id, error)))
    return FALSE;
  if (!set_field (record, item->field, value))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND, "%s", item->field);
      return FALSE;
    }
  return sa_undo_stack_update (self->undo_stack, record, error);
}

static void
show_decided (Item *item,
              guint kept)
{
  for (guint side = LOCAL; side <= INCOMING; side++)
    {
      gtk_label_set_text (GTK_LABEL (item->status[side]),
                          side == kept ? _("Kept") : _("Replaced; kept in history"));
      gtk_widget_set_visible (item->buttons[side], FALSE);
    }
}

static void
on_keep_clicked (SaSyncReportWindow *self,
                 GtkButton          *button)
{
  Item *item = g_object_get_data (G_OBJECT (button), "sa-item");
  guint side = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), "sa-side"));
  guint won = item->incoming_won ? INCOMING : LOCAL;
  g_autoptr(GError) error = NULL;

  if (side != won && !write_value (self, item, item->values[side], &error))
    {
      adw_toast_overlay_add_toast (self->toast_overlay, sa_toast_new_text (error->message));
      return;
    }
  show_decided (item, side);
  if (side != won)
    adw_toast_overlay_add_toast (self->toast_overlay,
                                 sa_toast_new_text (_("Saved; the other computers get it at the next exchange")));
}

/* ---- building -------------------------------------------------------------------- */

static GtkWidget *
new_label (const char *text,
           const char *css_class)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  if (css_class != NULL)
    gtk_widget_add_css_class (label, css_class);
  return label;
}

static GtkWidget *
build_side (SaSyncReportWindow *self,
            Item               *item,
            guint               side,
            const char         *caption)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *caption_label = new_label (caption, "heading");
  g_autofree char *value = describe_value (get_store (self), item->table, item->field, item->values[side]);
  g_autofree char *when = describe_clock (self, item->clocks[side]);
  GtkWidget *value_label = new_label (value, "title-4");
  GtkWidget *button = gtk_button_new_with_mnemonic (_("_Keep This Version"));
  gboolean won = (side == INCOMING) == item->incoming_won;

  gtk_widget_add_css_class (box, "card");
  gtk_widget_set_hexpand (box, TRUE);
  gtk_label_set_selectable (GTK_LABEL (value_label), TRUE);
  gtk_box_append (GTK_BOX (box), caption_label);
  gtk_box_append (GTK_BOX (box), value_label);
  gtk_box_append (GTK_BOX (box), new_label (when, "dim-label"));

  item->status[side] = new_label (self->dry_run ? (won ? _("Would be in use") : _("Would be kept in history"))
                                                : (won ? _("In use now") : _("Kept in history")),
                                  won ? "success" : "dim-label");
  /* The buttons line up at the bottom of both sides. */
  gtk_widget_set_vexpand (item->status[side], TRUE);
  gtk_widget_set_valign (item->status[side], GTK_ALIGN_START);
  gtk_box_append (GTK_BOX (box), item->status[side]);

  item->buttons[side] = button;
  gtk_widget_set_halign (button, GTK_ALIGN_START);
  gtk_widget_set_visible (button, !self->dry_run);
  g_object_set_data (G_OBJECT (button), "sa-item", item);
  g_object_set_data (G_OBJECT (button), "sa-side", GUINT_TO_POINTER (side));
  g_signal_connect_object (button, "clicked", G_CALLBACK (on_keep_clicked), self, G_CONNECT_SWAPPED);
  /* A screen reader hears whose version the button keeps. */
  gtk_accessible_update_relation (GTK_ACCESSIBLE (button),
                                  GTK_ACCESSIBLE_RELATION_DESCRIBED_BY, caption_label, NULL, -1);
  gtk_box_append (GTK_BOX (box), button);

  for (GtkWidget *child = gtk_widget_get_first_child (box); child; child = gtk_widget_get_next_sibling (child))
    {
      gtk_widget_set_margin_start (child, 12);
      gtk_widget_set_margin_end (child, 12);
    }
  gtk_widget_set_margin_top (caption_label, 12);
  gtk_widget_set_margin_bottom (button, 12);
  if (self->dry_run)
    gtk_widget_set_margin_bottom (item->status[side], 12);
  return box;
}

static void
add_conflict (SaSyncReportWindow *self,
              const SaConflict   *conflict,
              const char         *source)
{
  Item *item = g_new0 (Item, 1);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *sides = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  g_autofree char *row = NULL;
  g_autofree char *heading = NULL;
  g_autofree char *incoming_caption = NULL;

  item->table = conflict->table;
  item->id = g_strdup (conflict->id);
  item->field = g_strdup (conflict->field);
  item->values[LOCAL] = json_node_copy (conflict->local);
  item->values[INCOMING] = json_node_copy (conflict->incoming);
  item->clocks[LOCAL] = g_strdup (conflict->local_clock);
  item->clocks[INCOMING] = g_strdup (conflict->incoming_clock);
  item->incoming_won = conflict->incoming_won;
  g_ptr_array_add (self->items, item);

  row = describe_row (get_store (self), item->table, item->id);
  /* Translators: a conflict's heading: the kind of record, which one, and the field */
  heading = g_strdup_printf (_("%s %s: %s"), table_noun (item->table), row, field_label (item->table, item->field));
  gtk_box_append (GTK_BOX (box), new_label (heading, "heading"));
  /* What the merge did to the plan's structure, in a sentence; a goal given a free
   * number has no side to keep, since keeping its old number would clash again. */
  if (conflict->message != NULL)
    gtk_box_append (GTK_BOX (box), new_label (conflict->message, NULL));
  if (conflict->kind == SA_CONFLICT_RENUMBERED)
    {
      gtk_box_append (self->conflicts_box, box);
      return;
    }

  /* Translators: the caption over the value that a sync file brought */
  incoming_caption = g_strdup_printf (_("In the file from %s"), source);
  gtk_box_set_homogeneous (GTK_BOX (sides), TRUE);
  /* The status labels expand within the sides only, not into the window's spare height. */
  gtk_widget_set_vexpand (sides, FALSE);
  gtk_box_append (GTK_BOX (sides), build_side (self, item, LOCAL, _("On this computer")));
  gtk_box_append (GTK_BOX (sides), build_side (self, item, INCOMING, incoming_caption));
  gtk_box_append (GTK_BOX (box), sides);
  gtk_box_append (self->conflicts_box, box);
}

static GtkWidget *
count_row (const char *title,
           guint       count)
{
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *text = g_strdup_printf ("%u", count);
  GtkWidget *label = gtk_label_new (text);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  gtk_widget_add_css_class (label, "numeric");
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), label);
  return row;
}

static void
update_conflicts (SaSyncReportWindow *self)
{
  guint n = self->items->len;
  g_autofree char *description = NULL;

  gtk_widget_set_visible (GTK_WIDGET (self->conflicts_group), n > 0);
  gtk_widget_set_visible (self->empty_page, n == 0);
  if (n == 0)
    return;
  /* Not only fields: a kept parent or a renumbered goal is listed too. */
  description = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                              "%u change was made on both computers since they last exchanged "
                                              "files. It is listed with what was kept; nothing was lost.",
                                              "%u changes were made on both computers since they last exchanged "
                                              "files. Each is listed with what was kept; nothing was lost.",
                                              n), n);
  adw_preferences_group_set_description (self->conflicts_group, description);
}

static void
update_title (SaSyncReportWindow *self,
              const char         *source)
{
  g_autofree char *subtitle = NULL;

  if (adw_window_title_get_subtitle (self->window_title)[0] == '\0')
    {
      /* Translators: the report window's subtitle: where the file came from */
      subtitle = g_strdup_printf (_("From %s"), source);
      adw_window_title_set_subtitle (self->window_title, subtitle);
    }
  else
    adw_window_title_set_subtitle (self->window_title, _("From several computers"));
}

/**
 * sa_sync_report_window_add_report:
 * @self: a report window
 * @source: whose file it was, as a person knows it: the site's name or the file's
 * @site_id: (nullable): the id of the site that wrote the file
 * @site_name: (nullable): its name
 * @report: what importing the file did
 *
 * Shows the counts of one file's import and each of its conflicts.
 */
void
sa_sync_report_window_add_report (SaSyncReportWindow   *self,
                                  const char           *source,
                                  const char           *site_id,
                                  const char           *site_name,
                                  const SaImportReport *report)
{
  GtkWidget *group;

  g_return_if_fail (SA_IS_SYNC_REPORT_WINDOW (self));
  g_return_if_fail (source != NULL && report != NULL);

  if (site_id != NULL && site_name != NULL && *site_name)
    g_hash_table_insert (self->names, g_strdup (site_id), g_strdup (site_name));
  update_title (self, source);

  group = adw_preferences_group_new ();
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), source);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), count_row (_("New records"), report->added));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), count_row (_("Changed records"), report->updated));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), count_row (_("Deleted records"), report->deleted));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), count_row (_("Records already up to date"), report->unchanged));
  gtk_box_append (self->sources_box, group);

  for (guint i = 0; report->conflicts != NULL && i < report->conflicts->len; i++)
    add_conflict (self, g_ptr_array_index (report->conflicts, i), source);
  update_conflicts (self);
}

/**
 * sa_sync_report_window_add_failure:
 * @self: a report window
 * @source: the file, as a person knows it
 * @error: why it was refused
 *
 * Shows that one file was refused and left the database as it was.
 */
void
sa_sync_report_window_add_failure (SaSyncReportWindow *self,
                                   const char         *source,
                                   const GError       *error)
{
  GtkWidget *group;
  GtkWidget *label;

  g_return_if_fail (SA_IS_SYNC_REPORT_WINDOW (self));
  g_return_if_fail (source != NULL && error != NULL);

  update_title (self, source);
  group = adw_preferences_group_new ();
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), source);
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group),
                                         _("This file was refused; nothing in it was imported."));
  label = new_label (error->message, "error");
  gtk_label_set_selectable (GTK_LABEL (label), TRUE);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), label);
  gtk_box_append (self->sources_box, group);
}

guint
sa_sync_report_window_get_n_conflicts (SaSyncReportWindow *self)
{
  g_return_val_if_fail (SA_IS_SYNC_REPORT_WINDOW (self), 0);

  return self->items->len;
}

/* ---- the type ---------------------------------------------------------------------- */

static void
sa_sync_report_window_dispose (GObject *object)
{
  SaSyncReportWindow *self = SA_SYNC_REPORT_WINDOW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), SA_TYPE_SYNC_REPORT_WINDOW);
  g_clear_object (&self->undo_stack);

  G_OBJECT_CLASS (sa_sync_report_window_parent_class)->dispose (object);
}

static void
sa_sync_report_window_finalize (GObject *object)
{
  SaSyncReportWindow *self = SA_SYNC_REPORT_WINDOW (object);

  g_clear_pointer (&self->items, g_ptr_array_unref);
  g_clear_pointer (&self->names, g_hash_table_unref);

  G_OBJECT_CLASS (sa_sync_report_window_parent_class)->finalize (object);
}

static void
sa_sync_report_window_class_init (SaSyncReportWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sa_sync_report_window_dispose;
  object_class->finalize = sa_sync_report_window_finalize;

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/sasaeai/Sasaeai/ui/sa-sync-report-window.ui");
  gtk_widget_class_bind_template_child (widget_class, SaSyncReportWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, SaSyncReportWindow, window_title);
  gtk_widget_class_bind_template_child (widget_class, SaSyncReportWindow, dry_run_label);
  gtk_widget_class_bind_template_child (widget_class, SaSyncReportWindow, sources_box);
  gtk_widget_class_bind_template_child (widget_class, SaSyncReportWindow, conflicts_group);
  gtk_widget_class_bind_template_child (widget_class, SaSyncReportWindow, conflicts_box);
  gtk_widget_class_bind_template_child (widget_class, SaSyncReportWindow, empty_page);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
sa_sync_report_window_init (SaSyncReportWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->items = g_ptr_array_new_with_free_func ((GDestroyNotify) item_free);
  self->names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
}

/* Site id → name, for every site this database has heard from, and itself. */
static void
load_site_names (SaSyncReportWindow *self)
{
  SaStore *store = get_store (self);
  g_autoptr(GPtrArray) sites = sa_store_list_sites (store, NULL);

  for (guint i = 0; sites != NULL && i < sites->len; i++)
    {
      SaSiteClock *site = g_ptr_array_index (sites, i);
      g_hash_table_insert (self->names, g_strdup (site->id), g_strdup (site->name));
    }
  g_hash_table_insert (self->names, g_strdup (sa_store_get_site_id (store)), sa_store_dup_site_name (store));
}

/**
 * sa_sync_report_window_new:
 * @parent: (nullable): the window it belongs to
 * @context: the window's context, whose undo stack "Keep This Version" writes through
 * @dry_run: whether the import was only a preview; then nothing can be kept
 *
 * Returns: (transfer none): a new report window, empty until reports are added
 */
SaSyncReportWindow *
sa_sync_report_window_new (GtkWindow   *parent,
                           SaContext   *context,
                           gboolean     dry_run)
{
  SaSyncReportWindow *self;

  g_return_val_if_fail (SA_IS_CONTEXT (context), NULL);

  self = g_object_new (SA_TYPE_SYNC_REPORT_WINDOW, "transient-for", parent, NULL);
  self->undo_stack = g_object_ref (sa_context_get_undo_stack (context));
  self->dry_run = dry_run;
  load_site_names (self);
  adw_window_title_set_title (self->window_title, dry_run ? _("Sync File Preview") : _("Sync Report"));
  gtk_window_set_title (GTK_WINDOW (self), adw_window_title_get_title (self->window_title));
  gtk_widget_set_visible (self->dry_run_label, dry_run);
  update_conflicts (self);
  return self;
}

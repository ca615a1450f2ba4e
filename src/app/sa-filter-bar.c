/* sa-filter-bar.c: the search and filter drop-downs the List and Calendar views share
 *
 * One bar, so that both views offer the same choices in the same order: fiscal years
 * newest first, organizations and districts in use, commitments in the plan's order
 * (the store's, as the activity form lists them). The organization, district and
 * commitment chosen go to the window's SaActivityFilter, and what another view chooses
 * there shows here. The log also shows the search entry and the year; the bar keeps
 * what they let through and says how it changed with "changed", so the log filters
 * only the rows that can change.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "sasaeai"

#include "config.h"

#include <glib/gi18n.h>

#include "sa-accessible.h"
#include "sa-commitment.h"
#include "sa-district.h"
#include "sa-filter-bar.h"
#include "sa-organization.h"
#include "sa-plan.h"
#include "sa-store-activity-items.h"
#include "sa-store-deleted.h"

/* A choice wider than this many ems wraps in the list; shorter ones never do. */
#define CHOICE_MAX_EMS 26
/* The button shows this much of the choice at least, "年度: すべて" whole. */
#define BUTTON_MIN_EMS 6.5

struct _SaFilterBar
{
  GtkWidget         parent_instance;

  SaContext        *context;
  SaStore          *store;               /* the context's */
  SaActivityFilter *filter;              /* the context's, which the views share */

  /* What the bar lets through: no words, 0 and NULL let everything through. */
  char            **search_words;
  int               fiscal_year;
  char             *organization_id;
  char             *district_id;
  char             *commitment_id;

  /* What each drop-down offers, in its order; the first is "All", 0 or NULL. */
  GArray           *year_choices;
  GPtrArray        *organization_choices;
  GPtrArray        *district_choices;
  GPtrArray        *commitment_choices;
  GPtrArray        *commitments;         /* SaRecord, in the plan's order */
  guint             choices_frozen;

  GtkSearchEntry   *search_entry;
  GtkDropDown      *year_dropdown;
  GtkDropDown      *organization_dropdown;
  GtkDropDown      *district_dropdown;
  GtkDropDown      *commitment_dropdown;
};

G_DEFINE_FINAL_TYPE (SaFilterBar, sa_filter_bar, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_SHOW_SEARCH,
  N_PROPS
};

enum {
  CHANGED,
  SEARCH_ACTIVATE,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void
emit_changed (SaFilterBar     *self,
              GtkFilterChange  change)
{
  g_signal_emit (self, signals[CHANGED], 0, change);
}

/* ---- The search ----------------------------------------------------------------- */

/* Whether each word of @narrow contains a word of @wide: then what matches @narrow
 * matches @wide too. */
static gboolean
words_narrow (const char * const *narrow,
              const char * const *wide)
{
  for (guint i = 0; wide[i] != NULL; i++)
    {
      gboolean found = FALSE;

      for (guint j = 0; narrow[j] != NULL && !found; j++)
        found = strstr (narrow[j], wide[i]) != NULL;
      if (!found)
        return FALSE;
    }
  return TRUE;
}

static void
on_search_changed (SaFilterBar *self)
{
  g_auto(GStrv) words = sa_search_words (gtk_editable_get_text (GTK_EDITABLE (self->search_entry)));
  const char * const *old = (const char * const *) self->search_words;
  const char * const *new = (const char * const *) words;
  GtkFilterChange change;

  if (g_strv_equal (old, new))
    return;
  /* Typing on narrows the search, deleting widens it: GTK then looks only at the
   * rows that matched, or only at those that did not. */
  if (words_narrow (new, old))
    change = GTK_FILTER_CHANGE_MORE_STRICT;
  else if (words_narrow (old, new))
    change = GTK_FILTER_CHANGE_LESS_STRICT;
  else
    change = GTK_FILTER_CHANGE_DIFFERENT;

  g_strfreev (self->search_words);
  self->search_words = g_steal_pointer (&words);
  emit_changed (self, change);
}

static void
on_stop_search (SaFilterBar *self)
{
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
}

static void
on_search_activate (SaFilterBar *self)
{
  g_signal_emit (self, signals[SEARCH_ACTIVATE], 0);
}

/* ---- Choosing ------------------------------------------------------------------- */

/* A filter that goes from "All" to one value lets fewer rows through, and the other
 * way more; from one value to another, every row must be looked at. */
static GtkFilterChange
choice_change (gboolean was_all,
               gboolean is_all)
{
  if (was_all)
    return GTK_FILTER_CHANGE_MORE_STRICT;
  if (is_all)
    return GTK_FILTER_CHANGE_LESS_STRICT;
  return GTK_FILTER_CHANGE_DIFFERENT;
}

static const char *
chosen_id (GtkDropDown *dropdown,
           GPtrArray   *choices)
{
  guint selected = gtk_drop_down_get_selected (dropdown);

  return choices != NULL && selected < choices->len ? g_ptr_array_index (choices, selected) : NULL;
}

/* Takes the choice of @dropdown into @current and into the shared filter's @property. */
static void
take_choice (SaFilterBar *self,
             GtkDropDown *dropdown,
             GPtrArray   *choices,
             char       **current,
             const char  *property)
{
  const char *id = chosen_id (dropdown, choices);
  gboolean was_all = *current == NULL;

  if (self->choices_frozen)
    return;
  if (g_strcmp0 (*current, id) != 0)
    {
      g_free (*current);
      *current = g_strdup (id);
      emit_changed (self, choice_change (was_all, id == NULL));
    }
  if (self->filter != NULL)
    g_object_set (self->filter, property, id, NULL);
}

static void
on_organization_selected (SaFilterBar *self)
{
  take_choice (self, self->organization_dropdown, self->organization_choices, &self->organization_id,
               "organization-id");
}

static void
on_district_selected (SaFilterBar *self)
{
  take_choice (self, self->district_dropdown, self->district_choices, &self->district_id, "district-id");
}

static void
on_commitment_selected (SaFilterBar *self)
{
  take_choice (self, self->commitment_dropdown, self->commitment_choices, &self->commitment_id,
               "commitment-id");
}

static void
on_year_selected (SaFilterBar *self)
{
  guint selected = gtk_drop_down_get_selected (self->year_dropdown);
  int fy = selected < self->year_choices->len ? g_array_index (self->year_choices, int, selected) : 0;
  gboolean was_all = self->fiscal_year == 0;

  if (self->choices_frozen || fy == self->fiscal_year)
    return;
  self->fiscal_year = fy;
  emit_changed (self, choice_change (was_all, fy == 0));
}

static void
select_choice (GtkDropDown *dropdown,
               GPtrArray   *choices,
               const char  *id)
{
  for (guint i = 0; choices != NULL && i < choices->len; i++)
    if (g_strcmp0 (g_ptr_array_index (choices, i), id) == 0)
      {
        if (gtk_drop_down_get_selected (dropdown) != i)
          gtk_drop_down_set_selected (dropdown, i);
        return;
      }
}

/* A choice made in another view shows in the drop-downs. */
static void
on_shared_filter_changed (SaFilterBar *self)
{
  select_choice (self->organization_dropdown, self->organization_choices,
                 sa_activity_filter_get_organization_id (self->filter));
  select_choice (self->district_dropdown, self->district_choices,
                 sa_activity_filter_get_district_id (self->filter));
  select_choice (self->commitment_dropdown, self->commitment_choices,
                 sa_activity_filter_get_commitment_id (self->filter));
}

/* ---- Drop-downs ----------------------------------------------------------------- */

/* The button shows the choice in a line that ends in "…"; the list shows it whole,
 * since commitments are sentences, and marks the one chosen. */
static void
setup_choice (GtkSignalListItemFactory *factory,
              GtkListItem              *list_item,
              gpointer                  in_list)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_set_hexpand (label, TRUE);
  gtk_box_append (GTK_BOX (box), label);
  if (in_list)
    {
      GtkWidget *check = gtk_image_new_from_icon_name ("object-select-symbolic");

      /* Between words, and in Japanese where its rules allow, never inside a word. */
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD);
      gtk_box_append (GTK_BOX (box), check);
    }
  else
    {
      gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
      gtk_label_set_max_width_chars (GTK_LABEL (label), 18);
    }
  gtk_list_item_set_child (list_item, box);
}

/* A wrapping label asks for no more than its narrowest width (GTK 4.8's natural wrap
 * mode "inherit"), and a popover gives it no more: with PANGO_WRAP_WORD_CHAR,
 * "令和8年度" came out as "令和8年" over "度". The label asks for its whole width up
 * to @max_ems, so what fits on a line is never broken.
 *
 * Returns: whether the text is wider than that */
static gboolean
fit_choice_label (GtkLabel *label,
                  double    max_ems)
{
  g_autoptr(PangoLayout) layout = gtk_widget_create_pango_layout (GTK_WIDGET (label), gtk_label_get_text (label));
  g_autoptr(PangoLayout) em = gtk_widget_create_pango_layout (GTK_WIDGET (label), "国");
  int width, em_width;

  pango_layout_get_pixel_size (layout, &width, NULL);
  pango_layout_get_pixel_size (em, &em_width, NULL);
  gtk_widget_set_size_request (GTK_WIDGET (label), MIN (width + 1, (int) (max_ems * em_width)), -1);
  return width + 1 > (int) (max_ems * em_width);
}

static void
update_check (GtkListItem *list_item)
{
  GtkDropDown *dropdown = g_object_get_data (G_OBJECT (list_item), "dropdown");
  GtkWidget *check = gtk_widget_get_last_child (gtk_list_item_get_child (list_item));

  gtk_widget_set_opacity (check, gtk_drop_down_get_selected_item (dropdown) == gtk_list_item_get_item (list_item));
}

static void
bind_choice (GtkSignalListItemFactory *factory,
             GtkListItem              *list_item,
             GtkDropDown              *dropdown)
{
  GtkWidget *box = gtk_list_item_get_child (list_item);
  GtkWidget *label = gtk_widget_get_first_child (box);
  GtkStringObject *item = gtk_list_item_get_item (list_item);

  gtk_label_set_text (GTK_LABEL (label), gtk_string_object_get_string (item));
  /* The button: squeezed by a narrow window, it still says what is chosen. */
  if (label == gtk_widget_get_last_child (box))
    {
      gboolean cut = fit_choice_label (GTK_LABEL (label), BUTTON_MIN_EMS);

      /* A long name may end in "…": the tooltip says it whole. */
      gtk_widget_set_tooltip_text (label, cut ? gtk_string_object_get_string (item) : NULL);
      return;
    }

  fit_choice_label (GTK_LABEL (label), CHOICE_MAX_EMS);
  sa_accessible_name_list_item (list_item, gtk_string_object_get_string (item));
  g_object_set_data (G_OBJECT (list_item), "dropdown", dropdown);
  g_signal_connect_swapped (dropdown, "notify::selected-item", G_CALLBACK (update_check), list_item);
  update_check (list_item);
}

static void
unbind_choice (GtkSignalListItemFactory *factory,
               GtkListItem              *list_item,
               GtkDropDown              *dropdown)
{
  g_signal_handlers_disconnect_by_func (dropdown, update_check, list_item);
}

static void
setup_dropdown (GtkDropDown *dropdown,
                const char  *list_name)
{
  g_autoptr(GtkListItemFactory) button = gtk_signal_list_item_factory_new ();
  g_autoptr(GtkListItemFactory) list = gtk_signal_list_item_factory_new ();
  g_autoptr(GtkExpression) text = gtk_property_expression_new (GTK_TYPE_STRING_OBJECT, NULL, "string");

  g_signal_connect (button, "setup", G_CALLBACK (setup_choice), GINT_TO_POINTER (FALSE));
  g_signal_connect (button, "bind", G_CALLBACK (bind_choice), dropdown);
  g_signal_connect (list, "setup", G_CALLBACK (setup_choice), GINT_TO_POINTER (TRUE));
  g_signal_connect (list, "bind", G_CALLBACK (bind_choice), dropdown);
  g_signal_connect (list, "unbind", G_CALLBACK (unbind_choice), dropdown);
  gtk_drop_down_set_factory (dropdown, button);
  gtk_drop_down_set_list_factory (dropdown, list);
  /* What the commitments' search matches. */
  gtk_drop_down_set_expression (dropdown, text);
  sa_accessible_name_drop_down_list (dropdown, list_name);
}

/* Offers @labels, keeping the choice of @current where it is still offered. */
static void
set_choices (GtkDropDown *dropdown,
             GPtrArray   *labels,
             guint        current)
{
  g_autoptr(GtkStringList) model = NULL;

  g_ptr_array_add (labels, NULL);
  model = gtk_string_list_new ((const char * const *) labels->pdata);
  gtk_drop_down_set_model (dropdown, G_LIST_MODEL (model));
  gtk_drop_down_set_selected (dropdown, current);
}

/* The first choice, "All", has no id: g_str_equal () would crash on it. */
static gboolean
equal_ids (gconstpointer a,
           gconstpointer b)
{
  return g_strcmp0 (a, b) == 0;
}

static guint
index_of_id (GPtrArray  *ids,
             const char *id)
{
  guint index;

  if (id != NULL && g_ptr_array_find_with_equal_func (ids, id, equal_ids, &index))
    return index;
  return 0;
}

/* g_set_str () is GLib 2.76. */
static void
set_str (char       **field,
         const char  *value)
{
  if (*field != value)
    {
      g_free (*field);
      *field = g_strdup (value);
    }
}

/* Offers @records in @dropdown, "All" first, keeping the choice of @current. */
static void
load_id_choices (GPtrArray    *records,
                 guint         label_column,
                 const char   *all_label,
                 GPtrArray   **choices,
                 GtkDropDown  *dropdown,
                 const char   *current)
{
  g_autoptr(GPtrArray) labels = g_ptr_array_new_with_free_func (g_free);

  g_clear_pointer (choices, g_ptr_array_unref);
  *choices = g_ptr_array_new_with_free_func (g_free);
  g_ptr_array_add (*choices, NULL);
  g_ptr_array_add (labels, g_strdup (all_label));
  for (guint i = 0; records != NULL && i < records->len; i++)
    {
      SaRecord *record = g_ptr_array_index (records, i);
      const char *label = sa_record_get_text (record, label_column);

      g_ptr_array_add (*choices, g_strdup (sa_record_get_id (record)));
      /* A deleted organization or district that records still name, marked. */
      g_ptr_array_add (labels, sa_record_get_deleted (record) ? sa_deleted_name (label) : g_strdup (label));
    }
  set_choices (dropdown, labels, index_of_id (*choices, current));
}

/**
 * sa_filter_bar_load_choices:
 * @self: the bar
 *
 * Reads the organizations and districts in use and the plan's commitments again.
 * A choice that is no longer offered falls back to "All".
 */
void
sa_filter_bar_load_choices (SaFilterBar *self)
{
  g_autoptr(GPtrArray) organizations = NULL;
  g_autoptr(GPtrArray) districts = NULL;

  g_return_if_fail (SA_IS_FILTER_BAR (self));
  g_return_if_fail (SA_IS_STORE (self->store));

  organizations = sa_store_list_in_use (self->store, &sa_organization_table, NULL);
  districts = sa_store_list_in_use (self->store, &sa_district_table, NULL);
  g_clear_pointer (&self->commitments, g_ptr_array_unref);
  self->commitments = sa_store_list_plan_commitments (self->store, NULL);
  if (self->commitments == NULL)
    self->commitments = g_ptr_array_new_with_free_func (g_object_unref);

  /* What another view chose before the choices were read counts. */
  if (self->filter != NULL)
    {
      set_str (&self->organization_id, sa_activity_filter_get_organization_id (self->filter));
      set_str (&self->district_id, sa_activity_filter_get_district_id (self->filter));
      set_str (&self->commitment_id, sa_activity_filter_get_commitment_id (self->filter));
    }

  /* Choices that are gone fall back to "All"; the filters follow once all is read. */
  self->choices_frozen++;
  load_id_choices (organizations, SA_ORGANIZATION_NAME, C_("filter", "All Organizations"),
                   &self->organization_choices, self->organization_dropdown, self->organization_id);
  load_id_choices (districts, SA_DISTRICT_NAME, C_("filter", "All Districts"),
                   &self->district_choices, self->district_dropdown, self->district_id);
  load_id_choices (self->commitments, SA_COMMITMENT_TEXT, C_("filter", "All Commitments"),
                   &self->commitment_choices, self->commitment_dropdown, self->commitment_id);
  self->choices_frozen--;
  on_organization_selected (self);
  on_district_selected (self);
  on_commitment_selected (self);
}

/**
 * sa_filter_bar_get_commitments:
 * @self: the bar
 *
 * Returns: (transfer none) (element-type SaRecord) (nullable): the commitments the
 *   bar offers, in the plan's order, as last read
 */
GPtrArray *
sa_filter_bar_get_commitments (SaFilterBar *self)
{
  g_return_val_if_fail (SA_IS_FILTER_BAR (self), NULL);

  return self->commitments;
}

/* ---- Years ---------------------------------------------------------------------- */

static int
compare_years_newest_first (gconstpointer a,
                            gconstpointer b)
{
  int x = *(const int *) a, y = *(const int *) b;

  return x > y ? -1 : x < y;
}

/* The years as the year-format setting writes them, "All" first. */
static void
label_years (SaFilterBar *self)
{
  g_autoptr(GPtrArray) labels = g_ptr_array_new_with_free_func (g_free);
  guint current = 0;

  g_ptr_array_add (labels, g_strdup (C_("filter", "All Years")));
  for (guint i = 1; i < self->year_choices->len; i++)
    {
      int fy = g_array_index (self->year_choices, int, i);

      g_ptr_array_add (labels, sa_context_dup_year_label (self->context, fy));
      if (fy == self->fiscal_year)
        current = i;
    }
  self->choices_frozen++;
  set_choices (self->year_dropdown, labels, current);
  self->choices_frozen--;
  on_year_selected (self);
}

/**
 * sa_filter_bar_set_years:
 * @self: the bar
 * @years: (element-type int int): a set of fiscal years, as GINT_TO_POINTER keys
 *
 * Offers the plans' years and @years, newest first.
 */
void
sa_filter_bar_set_years (SaFilterBar *self,
                         GHashTable  *years)
{
  g_autoptr(GPtrArray) plans = NULL;
  g_autoptr(GHashTable) seen = g_hash_table_new (NULL, NULL);
  GHashTableIter iter;
  gpointer key;
  int all = 0;

  g_return_if_fail (SA_IS_FILTER_BAR (self));
  g_return_if_fail (SA_IS_STORE (self->store));

  plans = sa_store_list (self->store, &sa_plan_table, NULL, NULL, NULL);
  for (guint i = 0; plans != NULL && i < plans->len; i++)
    {
      SaRecord *plan = g_ptr_array_index (plans, i);

      for (gint64 fy = sa_record_get_int (plan, SA_PLAN_FIRST_FY); fy <= sa_record_get_int (plan, SA_PLAN_LAST_FY); fy++)
        g_hash_table_add (seen, GINT_TO_POINTER ((int) fy));
    }
  if (years != NULL)
    {
      g_hash_table_iter_init (&iter, years);
      while (g_hash_table_iter_next (&iter, &key, NULL))
        g_hash_table_add (seen, key);
    }

  g_array_set_size (self->year_choices, 0);
  g_hash_table_iter_init (&iter, seen);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    {
      int fy = GPOINTER_TO_INT (key);
      g_array_append_val (self->year_choices, fy);
    }
  g_array_sort (self->year_choices, compare_years_newest_first);
  g_array_prepend_val (self->year_choices, all);
  label_years (self);
}

/**
 * sa_filter_bar_offers_year:
 * @self: the bar
 * @fy: a fiscal year
 *
 * Returns: whether the year drop-down offers @fy
 */
gboolean
sa_filter_bar_offers_year (SaFilterBar *self,
                           int          fy)
{
  g_return_val_if_fail (SA_IS_FILTER_BAR (self), FALSE);

  for (guint i = 1; i < self->year_choices->len; i++)
    if (g_array_index (self->year_choices, int, i) == fy)
      return TRUE;
  return FALSE;
}

/* ---- Filtering ------------------------------------------------------------------ */

/**
 * sa_filter_bar_is_empty:
 * @self: the bar
 *
 * Returns: whether the bar lets every activity through
 */
gboolean
sa_filter_bar_is_empty (SaFilterBar *self)
{
  g_return_val_if_fail (SA_IS_FILTER_BAR (self), TRUE);

  return self->search_words[0] == NULL && self->fiscal_year == 0 && self->organization_id == NULL &&
         self->district_id == NULL && self->commitment_id == NULL;
}

/**
 * sa_filter_bar_match:
 * @self: the bar
 * @item: an activity
 *
 * Returns: whether the search and every drop-down let @item through
 */
gboolean
sa_filter_bar_match (SaFilterBar    *self,
                     SaActivityItem *item)
{
  return (self->fiscal_year == 0 || sa_activity_item_get_fiscal_year (item) == self->fiscal_year) &&
         (self->organization_id == NULL ||
          g_strcmp0 (sa_activity_item_get_organization_id (item), self->organization_id) == 0) &&
         (self->district_id == NULL ||
          g_strcmp0 (sa_activity_item_get_district_id (item), self->district_id) == 0) &&
         (self->commitment_id == NULL || sa_activity_item_has_commitment (item, self->commitment_id)) &&
         sa_activity_item_matches (item, (const char * const *) self->search_words);
}

/**
 * sa_filter_bar_clear:
 * @self: the bar
 *
 * Empties the search and sets every drop-down to "All".
 */
void
sa_filter_bar_clear (SaFilterBar *self)
{
  g_return_if_fail (SA_IS_FILTER_BAR (self));

  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  gtk_drop_down_set_selected (self->year_dropdown, 0);
  gtk_drop_down_set_selected (self->organization_dropdown, 0);
  gtk_drop_down_set_selected (self->district_dropdown, 0);
  gtk_drop_down_set_selected (self->commitment_dropdown, 0);
}

/**
 * sa_filter_bar_start_search:
 * @self: the bar
 *
 * Moves the keyboard focus to the search entry, with its text selected.
 */
void
sa_filter_bar_start_search (SaFilterBar *self)
{
  g_return_if_fail (SA_IS_FILTER_BAR (self));

  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

/**
 * sa_filter_bar_set_context:
 * @self: the bar
 * @context: where the choices are read from, the organization, district and
 *   commitment filter the views share, and the year format
 *
 * Called once, by the view the bar is in. From now on the drop-downs follow the
 * context's filter and set it.
 */
void
sa_filter_bar_set_context (SaFilterBar *self,
                           SaContext   *context)
{
  g_return_if_fail (SA_IS_FILTER_BAR (self));
  g_return_if_fail (SA_IS_CONTEXT (context));
  g_return_if_fail (self->context == NULL);

  self->context = g_object_ref (context);
  self->store = g_object_ref (sa_context_get_store (context));
  self->filter = g_object_ref (sa_context_get_filter (context));
  g_signal_connect_object (self->filter, "changed", G_CALLBACK (on_shared_filter_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (context, "notify::year-format", G_CALLBACK (label_years), self, G_CONNECT_SWAPPED);
  on_shared_filter_changed (self);
}

/* ---- Object --------------------------------------------------------------------- */

static void
set_show_search (SaFilterBar *self,
                 gboolean     show)
{
  gtk_widget_set_visible (GTK_WIDGET (self->search_entry), show);
  gtk_widget_set_visible (GTK_WIDGET (self->year_dropdown), show);
  /* Without the search entry, nothing stretches: the drop-downs keep to the end. */
  gtk_widget_set_halign (GTK_WIDGET (self), show ? GTK_ALIGN_FILL : GTK_ALIGN_END);
}

static void
sa_filter_bar_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  SaFilterBar *self = SA_FILTER_BAR (object);

  switch (prop_id)
    {
    case PROP_SHOW_SEARCH:
      g_value_set_boolean (value, gtk_widget_get_visible (GTK_WIDGET (self->search_entry)));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sa_filter_bar_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  SaFilterBar *self = SA_FILTER_BAR (object);

  switch (prop_id)
    {
    case PROP_SHOW_SEARCH:
      set_show_search (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sa_filter_bar_dispose (GObject *object)
{
  SaFilterBar *self = SA_FILTER_BAR (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), SA_TYPE_FILTER_BAR);
  g_clear_object (&self->filter);
  g_clear_object (&self->store);
  g_clear_object (&self->context);

  G_OBJECT_CLASS (sa_filter_bar_parent_class)->dispose (object);
}

static void
sa_filter_bar_finalize (GObject *object)
{
  SaFilterBar *self = SA_FILTER_BAR (object);

  g_strfreev (self->search_words);
  g_free (self->organization_id);
  g_free (self->district_id);
  g_free (self->commitment_id);
  g_clear_pointer (&self->year_choices, g_array_unref);
  g_clear_pointer (&self->organization_choices, g_ptr_array_unref);
  g_clear_pointer (&self->district_choices, g_ptr_array_unref);
  g_clear_pointer (&self->commitment_choices, g_ptr_array_unref);
  g_clear_pointer (&self->commitments, g_ptr_array_unref);

  G_OBJECT_CLASS (sa_filter_bar_parent_class)->finalize (object);
}

static void
sa_filter_bar_class_init (SaFilterBarClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->get_property = sa_filter_bar_get_property;
  object_class->set_property = sa_filter_bar_set_property;
  object_class->dispose = sa_filter_bar_dispose;
  object_class->finalize = sa_filter_bar_finalize;

  /**
   * SaFilterBar:show-search:
   *
   * Whether the bar shows the search entry and the fiscal year, as the log does.
   */
  properties[PROP_SHOW_SEARCH] =
    g_param_spec_boolean ("show-search", NULL, NULL, TRUE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * SaFilterBar::changed:
   * @self: the bar
   * @change: a #GtkFilterChange: whether fewer, more or other activities pass
   *
   * Emitted when the search or a drop-down lets other activities through.
   */
  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                   NULL, NULL, NULL, G_TYPE_NONE, 1, GTK_TYPE_FILTER_CHANGE);
  /**
   * SaFilterBar::search-activate:
   * @self: the bar
   *
   * Emitted when Enter is pressed in the search entry: the results take the focus.
   */
  signals[SEARCH_ACTIVATE] = g_signal_new ("search-activate", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                           NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/sasaeai/Sasaeai/ui/sa-filter-bar.ui");
  gtk_widget_class_bind_template_child (widget_class, SaFilterBar, search_entry);
  gtk_widget_class_bind_template_child (widget_class, SaFilterBar, year_dropdown);
  gtk_widget_class_bind_template_child (widget_class, SaFilterBar, organization_dropdown);
  gtk_widget_class_bind_template_child (widget_class, SaFilterBar, district_dropdown);
  gtk_widget_class_bind_template_child (widget_class, SaFilterBar, commitment_dropdown);
  gtk_widget_class_bind_template_callback (widget_class, on_search_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_stop_search);
  gtk_widget_class_bind_template_callback (widget_class, on_search_activate);
  gtk_widget_class_bind_template_callback (widget_class, on_year_selected);
  gtk_widget_class_bind_template_callback (widget_class, on_organization_selected);
  gtk_widget_class_bind_template_callback (widget_class, on_district_selected);
  gtk_widget_class_bind_template_callback (widget_class, on_commitment_selected);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
}

static void
sa_filter_bar_init (SaFilterBar *self)
{
  GtkLayoutManager *layout;

  self->search_words = g_new0 (char *, 1);
  self->year_choices = g_array_new (FALSE, TRUE, sizeof (int));
  gtk_widget_init_template (GTK_WIDGET (self));

  layout = gtk_widget_get_layout_manager (GTK_WIDGET (self));
  gtk_box_layout_set_spacing (GTK_BOX_LAYOUT (layout), 6);
  setup_dropdown (self->year_dropdown, _("Fiscal years to choose from"));
  setup_dropdown (self->organization_dropdown, _("Organizations to choose from"));
  setup_dropdown (self->district_dropdown, _("Districts to choose from"));
  setup_dropdown (self->commitment_dropdown, _("Commitments to choose from"));
}

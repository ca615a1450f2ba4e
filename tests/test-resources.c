/* test-resources.c: the Local Resources window, reached from the main menu: adding a
 * resource through its form, refusing a bad date, deleting with undo, and showing
 * another program's write
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "sa-commitment.h"
#include "sa-import.h"
#include "sa-record-editor.h"
#include "sa-resource-dialog.h"
#include "sa-resource-store.h"
#include "sa-resource-window.h"
#include "sa-test-gui.h"
#include "sa-window.h"

#define SIX_PLACES "0db57887-e98e-5d43-803c-e946dc551f32"

static gboolean
is_check_button (GtkWidget  *widget,
                 const char *text)
{
  return GTK_IS_CHECK_BUTTON (widget);
}

static guint
count_live (SaStore *store)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) resources = sa_store_list (store, &sa_resource_table, NULL, NULL, &error);

  g_assert_no_error (error);
  return resources->len;
}

static void
fill_form (GtkWidget  *dialog,
           const char *opened)
{
  GtkWidget *row = sa_test_find (dialog, sa_test_is_row_titled, "交流の居場所の立ち上げを支援する。");
  GtkWidget *check;

  sa_test_type_into (dialog, "Name", "ふれあいサロン中川");
  sa_test_type_into (dialog, "Kind", "サロン");
  sa_test_type_into (dialog, "Opened", opened);
  g_assert_nonnull (row);
  check = sa_test_find (row, is_check_button, NULL);
  g_assert_nonnull (check);
  gtk_check_button_set_active (GTK_CHECK_BUTTON (check), TRUE);
}

static void
test_add_through_form (void)
{
  g_autofree char *path = sa_test_temp_db ();
  g_autoptr(GError) error = NULL;
  g_autoptr(SaStore) store = sa_store_create (path, &error);
  g_autoptr(SaStore) other = NULL;
  g_autoptr(GPtrArray) resources = NULL;
  g_autoptr(SaRecord) written = NULL;
  g_auto(GStrv) links = NULL;
  SaImportReport report;
  GtkWidget *window, *list_window, *dialog, *empty;

  g_assert_true (sa_import_sample (store, &report, &error));
  window = g_object_new (SA_TYPE_WINDOW, "store", store, NULL);
  gtk_window_present (GTK_WINDOW (window));
  sa_test_wait ();
  g_assert_true (gtk_widget_activate_action (window, "win.local-resources", NULL));
  sa_test_wait ();
  list_window = sa_test_find_toplevel (SA_TYPE_RESOURCE_WINDOW);
  g_assert_nonnull (list_window);

  /* An empty register says so. */
  empty = sa_test_find (list_window, sa_test_is_status_titled, "No Local Resources");
  g_assert_nonnull (empty);
  g_assert_true (gtk_widget_get_mapped (empty));

  /* A day that does not exist is refused in the form, and nothing is written. */
  sa_test_click (list_window, "Add Local Resource");
  dialog = sa_test_find_toplevel (SA_TYPE_RESOURCE_DIALOG);
  g_assert_nonnull (dialog);
  fill_form (dialog, "2012-02-30");
  g_signal_emit_by_name (sa_test_find (dialog, sa_test_has_label, "_Save"), "clicked");
  sa_test_wait ();
  g_assert_true (sa_test_find_toplevel (SA_TYPE_RESOURCE_DIALOG) == dialog);
  g_assert_true (gtk_widget_get_visible (sa_test_find (dialog, sa_test_is_error_label, NULL)));
  g_assert_cmpuint (count_live (store), ==, 0);

  /* Corrected, it is saved with its link, and listed. */
  sa_test_type_into (dialog, "Opened", "2012-04-01");
  g_signal_emit_by_name (sa_test_find (dialog, sa_test_has_label, "_Save"), "clicked");
  sa_test_wait ();
  g_assert_null (sa_test_find_toplevel (SA_TYPE_RESOURCE_DIALOG));
  resources = sa_store_list (store, &sa_resource_table, NULL, NULL, &error);
  g_assert_cmpuint (resources->len, ==, 1);
  written = g_object_ref (g_ptr_array_index (resources, 0));
  g_assert_cmpstr (sa_record_get_text (written, SA_RESOURCE_NAME), ==, "ふれあいサロン中川");
  g_assert_cmpstr (sa_record_get_text (written, SA_RESOURCE_KIND), ==, "サロン");
  g_assert_cmpstr (sa_record_get_text (written, SA_RESOURCE_OPENED), ==, "2012-04-01");
  g_assert_true (sa_record_is_null (written, SA_RESOURCE_CLOSED));
  links = sa_store_dup_resource_commitments (store, sa_record_get_id (written), &error);
  g_assert_cmpuint (g_strv_length (links), ==, 1);
  g_assert_cmpstr (links[0], ==, SIX_PLACES);
  g_assert_nonnull (sa_test_find (list_window, sa_test_is_row_titled, "ふれあいサロン中川"));
  g_assert_false (gtk_widget_get_mapped (empty));

  /* Deleting offers undo, which brings it back. */
  sa_test_click (list_window, "Delete “ふれあいサロン中川”");
  g_assert_cmpuint (count_live (store), ==, 0);
  g_assert_null (sa_test_find (list_window, sa_test_is_row_titled, "ふれあいサロン中川"));
  g_assert_true (gtk_widget_activate_action (list_window, "resources.undo", NULL));
  sa_test_wait ();
  g_assert_cmpuint (count_live (store), ==, 1);
  g_assert_nonnull (sa_test_find (list_window, sa_test_is_row_titled, "ふれあいサロン中川"));

  /* Another program's write shows once the store hears of it. */
  other = sa_store_open (path, &error);
  g_assert_no_error (error);
  {
    g_autoptr(SaRecord) resource = SA_RECORD (sa_resource_new ());
    g_autofree char *id = g_uuid_string_random ();

    sa_record_set_id (resource, id);
    sa_record_set_text (resource, SA_RESOURCE_NAME, "居場所ひがし");
    sa_record_set_text (resource, SA_RESOURCE_KIND, "居場所");
    sa_record_set_text (resource, SA_RESOURCE_OPENED, "2013-04-01");
    g_assert_true (sa_store_add_resource (other, resource, NULL, &error));
  }
  sa_store_refresh (store);
  sa_test_wait ();
  g_assert_nonnull (sa_test_find (list_window, sa_test_is_row_titled, "居場所ひがし"));

  gtk_window_destroy (GTK_WINDOW (window));
  sa_test_wait ();
}

/* Selects the item of @combo whose label is @label. */
static void
choose (GtkWidget  *root,
        const char *combo,
        const char *label)
{
  AdwComboRow *row = ADW_COMBO_ROW (sa_test_find (root, sa_test_is_row_titled, combo));
  GListModel *model = adw_combo_row_get_model (row);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    if (g_strcmp0 (gtk_string_list_get_string (GTK_STRING_LIST (model), i), label) == 0)
      {
        adw_combo_row_set_selected (row, i);
        return;
      }
  g_error ("No “%s” in %s", label, combo);
}

/* The outline's commitment form offers the target's measure by its translated name,
 * starting from the stored one, and saves the one chosen. */
static void
test_commitment_measure (void)
{
  static const char * const fields[] = { "text", "target_text", "target_value", "target_unit", "target_measure", NULL };
  g_autofree char *path = sa_test_temp_db ();
  g_autoptr(GError) error = NULL;
  g_autoptr(SaStore) store = sa_store_create (path, &error);
  g_autoptr(SaContext) context = sa_context_new (store);
  g_autoptr(SaRecord) commitment = NULL;
  g_autoptr(SaRecord) saved = NULL;
  SaImportReport report;
  GtkWidget *editor, *row;

  g_assert_true (sa_import_sample (store, &report, &error));
  commitment = sa_store_get (store, &sa_commitment_table, SIX_PLACES, &error);
  editor = GTK_WIDGET (sa_record_editor_new (NULL, context, commitment, FALSE, fields, "Edit Commitment"));
  sa_test_wait ();
  row = sa_test_find (editor, sa_test_is_row_titled, "Measure");
  g_assert_nonnull (row);
  g_assert_cmpstr (gtk_string_list_get_string (GTK_STRING_LIST (adw_combo_row_get_model (ADW_COMBO_ROW (row))),
                                               adw_combo_row_get_selected (ADW_COMBO_ROW (row))),
                   ==, "Places (local resources)");
  choose (editor, "Measure", "Entered by hand");
  sa_test_type_into (editor, "Target value", "8");
  g_signal_emit_by_name (sa_test_find (editor, sa_test_has_label, "_Save"), "clicked");
  sa_test_wait ();
  g_assert_null (sa_test_find_toplevel (SA_TYPE_RECORD_EDITOR));
  saved = sa_store_get (store, &sa_commitment_table, SIX_PLACES, &error);
  g_assert_cmpstr (sa_record_get_text (saved, SA_COMMITMENT_TARGET_MEASURE), ==, "manual");
  g_assert_cmpint (sa_record_get_int (saved, SA_COMMITMENT_TARGET_VALUE), ==, 8);
}

int
main (int    argc,
      char **argv)
{
  sa_test_gui_init (&argc, &argv);
  g_test_add_func ("/resources/add-through-form", test_add_through_form);
  g_test_add_func ("/resources/commitment-measure", test_commitment_measure);
  return g_test_run ();
}

/* sa-print-operation.c: printing the handout
 *
 * A GtkPrintOperation that prints the same pages as the PDF export and
 * `sasaeai-cli handout`: sa_handout_draw_page() on a full page in points. The
 * handout is made when printing begins, from the options of our own tab in the
 * dialog and for the paper the dialog settled on, so what is chosen there is what
 * the pages show. The print preview, in a window of ours, runs the same way.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "sasaeai"

#include "config.h"

#include <glib/gi18n.h>

#include "sa-error.h"
#include "sa-print-operation.h"
#include "sa-print-options.h"
#include "sa-print-preview.h"

/* Between the long sides of A4 (842 points) and A3 (1191): which one a paper is
 * nearer to, for a PDF exported after printing. */
#define A3_THRESHOLD 1016.0

struct _SaPrintOperation
{
  GtkPrintOperation  parent_instance;

  SaContext         *context;
  SaStore           *store;       /* the context's */
  SaHandoutOptions   options;
  SaHandout         *handout;
  GError            *failure;
};

G_DEFINE_FINAL_TYPE (SaPrintOperation, sa_print_operation, GTK_TYPE_PRINT_OPERATION)

static void
sa_print_operation_begin_print (GtkPrintOperation *operation,
                                GtkPrintContext   *context)
{
  SaPrintOperation *self = SA_PRINT_OPERATION (operation);
  double width = gtk_print_context_get_width (context);
  double height = gtk_print_context_get_height (context);

  g_clear_object (&self->handout);
  if (self->failure == NULL)
    self->handout = sa_handout_new (self->store, &self->options, &self->failure);
  if (self->handout == NULL)
    {
      /* Nothing is printed; whoever runs the operation reports the failure. */
      gtk_print_operation_cancel (operation);
      return;
    }

  sa_handout_set_page_size (self->handout, width, height);
  self->options.paper = MAX (width, height) > A3_THRESHOLD ? SA_PAPER_A3 : SA_PAPER_A4;
  self->options.portrait = height > width;
  gtk_print_operation_set_n_pages (operation, (int) sa_handout_get_n_pages (self->handout));
}

static void
sa_print_operation_draw_page (GtkPrintOperation *operation,
                              GtkPrintContext   *context,
                              int                page)
{
  SaPrintOperation *self = SA_PRINT_OPERATION (operation);

  g_return_if_fail (self->handout != NULL);

  sa_handout_draw_page (self->handout, gtk_print_context_get_cairo_context (context), (guint) page);
}

static GtkWidget *
sa_print_operation_create_custom_widget (GtkPrintOperation *operation)
{
  SaPrintOperation *self = SA_PRINT_OPERATION (operation);
  g_autoptr(SaTimelineLayout) layout = NULL;
  g_auto(SaTimelineOptions) all;
  g_autoptr(GError) error = NULL;

  /* The sections shown, for every goal, actor and year there is to choose. */
  sa_timeline_options_init (&all);
  all.plan_id = g_strdup (self->options.timeline.plan_id);
  all.section_id = g_strdup (self->options.timeline.section_id);
  all.year_format = self->options.timeline.year_format;
  if (!(layout = sa_timeline_layout_new (self->store, &all, &error)))
    {
      g_debug ("No handout options: %s", error->message);
      return NULL;
    }
  return GTK_WIDGET (sa_print_options_new (layout, &self->options));
}

static void
sa_print_operation_custom_widget_apply (GtkPrintOperation *operation,
                                        GtkWidget         *widget)
{
  SaPrintOperation *self = SA_PRINT_OPERATION (operation);

  g_clear_error (&self->failure);
  sa_print_options_apply (SA_PRINT_OPTIONS (widget), &self->options, &self->failure);
}

static void
sa_print_operation_dispose (GObject *object)
{
  SaPrintOperation *self = SA_PRINT_OPERATION (object);

  g_clear_object (&self->handout);
  g_clear_object (&self->store);
  g_clear_object (&self->context);

  G_OBJECT_CLASS (sa_print_operation_parent_class)->dispose (object);
}

static void
sa_print_operation_finalize (GObject *object)
{
  SaPrintOperation *self = SA_PRINT_OPERATION (object);

  sa_handout_options_clear (&self->options);
  g_clear_error (&self->failure);

  G_OBJECT_CLASS (sa_print_operation_parent_class)->finalize (object);
}

static void
sa_print_operation_class_init (SaPrintOperationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkPrintOperationClass *operation_class = GTK_PRINT_OPERATION_CLASS (klass);

  object_class->dispose = sa_print_operation_dispose;
  object_class->finalize = sa_print_operation_finalize;
  operation_class->begin_print = sa_print_operation_begin_print;
  operation_class->draw_page = sa_print_operation_draw_page;
  operation_class->create_custom_widget = sa_print_operation_create_custom_widget;
  operation_class->custom_widget_apply = sa_print_operation_custom_widget_apply;
}

static void
sa_print_operation_init (SaPrintOperation *self)
{
  GtkPrintOperation *operation = GTK_PRINT_OPERATION (self);

  sa_handout_options_init (&self->options);
  /* The handout draws whole pages in points, its own margins included. */
  gtk_print_operation_set_unit (operation, GTK_UNIT_POINTS);
  gtk_print_operation_set_use_full_page (operation, TRUE);
  gtk_print_operation_set_embed_page_setup (operation, TRUE);
  /* Translators: the print dialog's tab with what the handout shows */
  gtk_print_operation_set_custom_tab_label (operation, _("Handout"));
}

/* The preview's Print button prints what the preview showed. */
static GtkPrintOperation *
print_again (GtkPrintOperation *previewed,
             gpointer           unused)
{
  SaPrintOperation *self = SA_PRINT_OPERATION (previewed);

  return GTK_PRINT_OPERATION (sa_print_operation_new (self->context, &self->options));
}

/**
 * sa_print_operation_new:
 * @context: the window's, for the store to read the plan from
 * @options: what to print to begin with; the dialog's tab may change it
 *
 * The default page setup is the options' paper, landscape unless they say
 * portrait: A4 landscape for new options.
 *
 * Returns: (transfer full): the operation
 */
SaPrintOperation *
sa_print_operation_new (SaContext              *context,
                        const SaHandoutOptions *options)
{
  g_autoptr(GtkPageSetup) setup = gtk_page_setup_new ();
  g_autoptr(GtkPaperSize) paper = NULL;
  SaPrintOperation *self;

  g_return_val_if_fail (SA_IS_CONTEXT (context), NULL);
  g_return_val_if_fail (options != NULL, NULL);

  self = g_object_new (SA_TYPE_PRINT_OPERATION, NULL);
  self->context = g_object_ref (context);
  self->store = g_object_ref (sa_context_get_store (context));
  sa_handout_options_clear (&self->options);
  self->options = *options;
  sa_timeline_options_copy (&self->options.timeline, &options->timeline);
  self->options.title = g_strdup (options->title);

  paper = gtk_paper_size_new (options->paper == SA_PAPER_A3 ? GTK_PAPER_NAME_A3 : GTK_PAPER_NAME_A4);
  gtk_page_setup_set_paper_size_and_default_margins (setup, paper);
  gtk_page_setup_set_orientation (setup, options->portrait ? GTK_PAGE_ORIENTATION_PORTRAIT
                                                           : GTK_PAGE_ORIENTATION_LANDSCAPE);
  gtk_print_operation_set_default_page_setup (GTK_PRINT_OPERATION (self), setup);
  sa_print_preview_attach (GTK_PRINT_OPERATION (self), print_again, NULL, NULL);
  return self;
}

/**
 * sa_print_operation_get_options:
 * @self: an operation
 *
 * Returns: (transfer none): the options as the dialog's tab left them, with the
 *   paper printing settled on
 */
const SaHandoutOptions *
sa_print_operation_get_options (SaPrintOperation *self)
{
  g_return_val_if_fail (SA_IS_PRINT_OPERATION (self), NULL);

  return &self->options;
}

/**
 * sa_print_operation_get_handout:
 * @self: an operation
 *
 * Returns: (transfer none) (nullable): the handout printed last, paginated for its
 *   paper; %NULL before printing began or when it failed
 */
SaHandout *
sa_print_operation_get_handout (SaPrintOperation *self)
{
  g_return_val_if_fail (SA_IS_PRINT_OPERATION (self), NULL);

  return self->handout;
}

/**
 * sa_print_operation_get_failure:
 * @self: an operation
 *
 * Returns: (transfer none) (nullable): why nothing was printed: the tab's choice made
 *   no handout, or the plan changed underneath; %NULL when all went well
 */
const GError *
sa_print_operation_get_failure (SaPrintOperation *self)
{
  g_return_val_if_fail (SA_IS_PRINT_OPERATION (self), NULL);

  return self->failure;
}

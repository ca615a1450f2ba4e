/* sa-sync-ui-private.h: the window's sync and CSV operations, shared by their files
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "sa-csv.h"
#include "sa-import.h"
#include "sa-sync-ui.h"

G_BEGIN_DECLS

typedef enum
{
  JOB_EXPORT_SYNC,
  JOB_EXPORT_CSV,
  JOB_EXPORT_ICS,
  JOB_IMPORT_CSV,
  JOB_SYNC_FOLDER,
} JobKind;

/* What a worker thread needs: plain data only, as it may be freed in that thread. */
typedef struct
{
  JobKind  kind;
  char    *db_path;
  GFile   *file;
  char    *from;
  char    *to;
  SaCsvImportFlags csv_flags;
  char    *passphrase;   /* the sync passphrase from the keyring, if one is kept */
} Job;

typedef struct
{
  char           *name;
  char           *site_id;
  SaImportReport  report;
  GError         *error;
} FolderFile;

typedef struct
{
  char        *clock;   /* how far the second connection's clock went */
  GError      *error;
  SaCsvReport  csv;
  GPtrArray   *files;   /* FolderFile, for Sync Now */
} Result;

typedef struct _Op Op;
typedef void (*JobDoneFunc) (Op     *op,
                             Result *result);

/* One operation in the window: lives on the main thread until its work is done. */
struct _Op
{
  GtkWindow         *parent;      /* weak: NULL once the window is gone */
  gboolean           has_parent;
  gulong             destroy_id;
  SaContext         *context;
  GCancellable      *cancellable;
  GtkWindow         *progress;
  guint              pulse_id;
  GFile             *file;
  gboolean           dry_run;
  JobDoneFunc        done;
  gboolean           kept;        /* done() keeps the operation for a next step */
  gboolean           tried_keyring;  /* an encrypted file was tried with the kept passphrase */
};

gboolean _sa_sync_ui_op_is_alive (Op *op);

Op *_sa_sync_ui_op_new (GtkWindow         *parent,
                        SaContext         *context);

void _sa_sync_ui_op_free (Op *op);

void _sa_sync_ui_op_toast (Op         *op,
                           const char *text);

void _sa_sync_ui_show_error (Op           *op,
                             const char   *heading,
                             const GError *error);

void _sa_sync_ui_start_job (Op          *op,
                            Job         *job,
                            const char  *progress_text,
                            JobDoneFunc  done);

Job *_sa_sync_ui_job_new (JobKind  kind,
                          GFile   *file);

G_END_DECLS

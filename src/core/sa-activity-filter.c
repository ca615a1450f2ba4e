/* sa-activity-filter.c: which activities the views show
 *
 * One filter is shared by the views of a window, so that choosing an organization
 * in the List view also narrows the Calendar. A filter holds ids, not records: a
 * renamed organization still matches, and the filter needs no store.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "sasaeai"

#include "config.h"

#include "sa-activity.h"
#include "sa-activity-filter.h"

struct _SaActivityFilter
{
  GObject  parent_instance;

  char    *organization_id;
  char    *district_id;
  char    *commitment_id;
  guint    freeze;      /* while clearing: one "changed" for several properties */
  gboolean pending;
};

G_DEFINE_FINAL_TYPE (SaActivityFilter, sa_activity_filter, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ORGANIZATION_ID,
  PROP_DISTRICT_ID,
  PROP_COMMITMENT_ID,
  N_PROPS
};

enum {
  CHANGED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void
emit_changed (SaActivityFilter *self)
{
  if (self->freeze > 0)
    self->pending = TRUE;
  else
    g_signal_emit (self, signals[CHANGED], 0);
}

/* An empty id, as a drop-down's "all" item gives, means no condition. */
static gboolean
set_id (SaActivityFilter  *self,
        char             **field,
        const char        *id,
        guint              prop)
{
  if (id != NULL && *id == '\0')
    id = NULL;
  if (g_strcmp0 (*field, id) == 0)
    return FALSE;

  g_free (*field);
  *field = g_strdup (id);
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop]);
  emit_changed (self);
  return TRUE;
}

static void
sa_activity_filter_finalize (GObject *object)
{
  SaActivityFilter *self = SA_ACTIVITY_FILTER (object);

  g_free (self->organization_id);
  g_free (self->district_id);
  g_free (self->commitment_id);

  G_OBJECT_CLASS (sa_activity_filter_parent_class)->finalize (object);
}

static void
sa_activity_filter_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  SaActivityFilter *self = SA_ACTIVITY_FILTER (object);

  switch (prop_id)
    {
    case PROP_ORGANIZATION_ID:
      g_value_set_string (value, self->organization_id);
      break;

    case PROP_DISTRICT_ID:
      g_value_set_string (value, self->district_id);
      break;

    case PROP_COMMITMENT_ID:
      g_value_set_string (value, self->commitment_id);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sa_activity_filter_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  SaActivityFilter *self = SA_ACTIVITY_FILTER (object);

  switch (prop_id)
    {
    case PROP_ORGANIZATION_ID:
      sa_activity_filter_set_organization_id (self, g_value_get_string (value));
      break;

    case PROP_DISTRICT_ID:
      sa_activity_filter_set_district_id (self, g_value_get_string (value));
      break;

    case PROP_COMMITMENT_ID:
      sa_activity_filter_set_commitment_id (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sa_activity_filter_class_init (SaActivityFilterClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = sa_activity_filter_finalize;
  object_class->get_property = sa_activity_filter_get_property;
  object_class->set_property = sa_activity_filter_set_property;

  /**
   * SaActivityFilter:organization-id:
   *
   * Only activities run by this organization, or %NULL for all.
   */
  properties[PROP_ORGANIZATION_ID] =
    g_param_spec_string ("organization-id", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * SaActivityFilter:district-id:
   *
   * Only activities in this district, or %NULL for all.
   */
  properties[PROP_DISTRICT_ID] =
    g_param_spec_string ("district-id", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * SaActivityFilter:commitment-id:
   *
   * Only activities that advance this commitment, or %NULL for all.
   */
  properties[PROP_COMMITMENT_ID] =
    g_param_spec_string ("commitment-id", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * SaActivityFilter::changed:
   *
   * Emitted once after any condition changed, when views must filter again.
   */
  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
sa_activity_filter_init (SaActivityFilter *self)
{
}

/**
 * sa_activity_filter_new:
 *
 * Returns: (transfer full): a filter that lets every activity through
 */
SaActivityFilter *
sa_activity_filter_new (void)
{
  return g_object_new (SA_TYPE_ACTIVITY_FILTER, NULL);
}

const char *
sa_activity_filter_get_organization_id (SaActivityFilter *self)
{
  g_return_val_if_fail (SA_IS_ACTIVITY_FILTER (self), NULL);

  return self->organization_id;
}

/**
 * sa_activity_filter_set_organization_id:
 * @self: a filter
 * @organization_id: (nullable): an organization's id; %NULL or "" for all
 */
void
sa_activity_filter_set_organization_id (SaActivityFilter *self,
                                        const char       *organization_id)
{
  g_return_if_fail (SA_IS_ACTIVITY_FILTER (self));

  set_id (self, &self->organization_id, organization_id, PROP_ORGANIZATION_ID);
}

const char *
sa_activity_filter_get_district_id (SaActivityFilter *self)
{
  g_return_val_if_fail (SA_IS_ACTIVITY_FILTER (self), NULL);

  return self->district_id;
}

/**
 * sa_activity_filter_set_district_id:
 * @self: a filter
 * @district_id: (nullable): a district's id; %NULL or "" for all
 */
void
sa_activity_filter_set_district_id (SaActivityFilter *self,
                                    const char       *district_id)
{
  g_return_if_fail (SA_IS_ACTIVITY_FILTER (self));

  set_id (self, &self->district_id, district_id, PROP_DISTRICT_ID);
}

const char *
sa_activity_filter_get_commitment_id (SaActivityFilter *self)
{
  g_return_val_if_fail (SA_IS_ACTIVITY_FILTER (self), NULL);

  return self->commitment_id;
}

/**
 * sa_activity_filter_set_commitment_id:
 * @self: a filter
 * @commitment_id: (nullable): a commitment's id; %NULL or "" for all
 */
void
sa_activity_filter_set_commitment_id (SaActivityFilter *self,
                                      const char       *commitment_id)
{
  g_return_if_fail (SA_IS_ACTIVITY_FILTER (self));

  set_id (self, &self->commitment_id, commitment_id, PROP_COMMITMENT_ID);
}

/**
 * sa_activity_filter_clear:
 * @self: a filter
 *
 * Removes every condition, with one #SaActivityFilter::changed at most.
 */
void
sa_activity_filter_clear (SaActivityFilter *self)
{
  g_return_if_fail (SA_IS_ACTIVITY_FILTER (self));

  self->freeze++;
  set_id (self, &self->organization_id, NULL, PROP_ORGANIZATION_ID);
  set_id (self, &self->district_id, NULL, PROP_DISTRICT_ID);
  set_id (self, &self->commitment_id, NULL, PROP_COMMITMENT_ID);
  self->freeze--;

  if (self->pending)
    {
      self->pending = FALSE;
      emit_changed (self);
    }
}

/**
 * sa_activity_filter_is_empty:
 * @self: a filter
 *
 * Returns: whether the filter lets every activity through
 */
gboolean
sa_activity_filter_is_empty (SaActivityFilter *self)
{
  g_return_val_if_fail (SA_IS_ACTIVITY_FILTER (self), TRUE);

  return self->organization_id == NULL && self->district_id == NULL && self->commitment_id == NULL;
}

/**
 * sa_activity_filter_match_values:
 * @self: a filter
 * @organization_id: (nullable): the activity's organization
 * @district_id: (nullable): the activity's district
 * @commitment_ids: (nullable) (array zero-terminated=1): the commitments the
 *   activity advances; only needed when the filter has a commitment
 *
 * For views that hold activities in a form of their own.
 *
 * Returns: whether an activity with these values passes the filter
 */
gboolean
sa_activity_filter_match_values (SaActivityFilter   *self,
                                 const char         *organization_id,
                                 const char         *district_id,
                                 const char * const *commitment_ids)
{
  g_return_val_if_fail (SA_IS_ACTIVITY_FILTER (self), FALSE);

  if (self->organization_id != NULL && g_strcmp0 (self->organization_id, organization_id) != 0)
    return FALSE;
  if (self->district_id != NULL && g_strcmp0 (self->district_id, district_id) != 0)
    return FALSE;
  if (self->commitment_id != NULL &&
      (commitment_ids == NULL || !g_strv_contains (commitment_ids, self->commitment_id)))
    return FALSE;
  return TRUE;
}

/**
 * sa_activity_filter_match:
 * @self: a filter
 * @activity: an #SaActivity
 * @commitment_ids: (nullable) (array zero-terminated=1): the commitments
 *   @activity advances; only needed when the filter has a commitment
 *
 * Returns: whether @activity passes the filter
 */
gboolean
sa_activity_filter_match (SaActivityFilter   *self,
                          SaRecord           *activity,
                          const char * const *commitment_ids)
{
  g_return_val_if_fail (SA_IS_ACTIVITY_FILTER (self), FALSE);
  g_return_val_if_fail (SA_IS_ACTIVITY (activity), FALSE);

  return sa_activity_filter_match_values (self,
                                          sa_record_get_text (activity, SA_ACTIVITY_ORGANIZATION_ID),
                                          sa_record_get_text (activity, SA_ACTIVITY_DISTRICT_ID),
                                          commitment_ids);
}

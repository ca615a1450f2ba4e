/* sa-activity-item.c: what one row of the activity log shows
 *
 * An SaActivityItem is a read-only snapshot of an activity record joined with the
 * names it refers to, made for list views of 100,000 rows: no properties to notify,
 * shared strings, and a search key folded once at load time so that a keystroke in
 * the search entry costs one substring scan per row and nothing else.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "sasaeai"

#include "config.h"

#include <string.h>

#include "sa-activity-item-private.h"

G_DEFINE_FINAL_TYPE (SaActivityItem, sa_activity_item, G_TYPE_OBJECT)

/* GObject instances come in sizes of 16 bytes: a byte more costs 100,000 times 16. */
G_STATIC_ASSERT (GLIB_SIZEOF_VOID_P != 8 || sizeof (SaActivityItem) <= 144);

static void
release_ref_string (char *str)
{
  if (str != NULL)
    g_ref_string_release (str);
}

static void
clear_ids (gpointer data)
{
  for (char **ids = data; *ids != NULL; ids++)
    g_ref_string_release (*ids);
}

/* @ids: @n_ids GRefStrings, borrowed
 *
 * Returns: (transfer full): a NULL-terminated copy of @ids in an atomic GRcBox, each
 *   string acquired, for items to share; released with _sa_activity_item_ids_release() */
char **
_sa_activity_item_ids_new (char * const *ids,
                           guint         n_ids)
{
  char **shared = g_atomic_rc_box_alloc ((n_ids + 1) * sizeof (char *));

  for (guint i = 0; i < n_ids; i++)
    shared[i] = g_ref_string_acquire (ids[i]);
  shared[n_ids] = NULL;
  return shared;
}

void
_sa_activity_item_ids_release (char **ids)
{
  if (ids != NULL)
    g_atomic_rc_box_release_full (ids, clear_ids);
}

static void
sa_activity_item_finalize (GObject *object)
{
  SaActivityItem *self = SA_ACTIVITY_ITEM (object);

  g_free (self->id);
  release_ref_string (self->title);
  release_ref_string (self->place);
  release_ref_string (self->notes);
  release_ref_string (self->search_key);
  release_ref_string (self->organization_id);
  release_ref_string (self->organization_name);
  release_ref_string (self->district_id);
  release_ref_string (self->district_name);
  _sa_activity_item_ids_release (self->commitment_ids);

  G_OBJECT_CLASS (sa_activity_item_parent_class)->finalize (object);
}

static void
sa_activity_item_class_init (SaActivityItemClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = sa_activity_item_finalize;
}

static void
sa_activity_item_init (SaActivityItem *self)
{
  self->commitment_rank = G_MAXUINT;
}

SaActivityItem *
_sa_activity_item_new (void)
{
  return g_object_new (SA_TYPE_ACTIVITY_ITEM, NULL);
}

/* @date is YYYY-MM-DD, as stored; the day number follows from it. */
void
_sa_activity_item_set_date (SaActivityItem *self,
                            const char     *date)
{
  guint year = 0, month = 0, day = 0;

  g_strlcpy (self->date, date ? date : "", sizeof self->date);
  if (date != NULL && strlen (date) == 10)
    {
      year = (guint) g_ascii_strtoull (date, NULL, 10);
      month = (guint) g_ascii_strtoull (date + 5, NULL, 10);
      day = (guint) g_ascii_strtoull (date + 8, NULL, 10);
    }
  self->day = year * 10000 + month * 100 + day;
}

/* Whether normalizing and case folding leave @c alone and it never combines with a
 * neighbour. Kana, the common CJK ideographs and punctuation are checked first:
 * nearly all Japanese text is made of them. */
static gboolean
folds_to_itself (gunichar c)
{
  gunichar decomposed[G_UNICHAR_MAX_DECOMPOSITION_LENGTH];

  if ((c >= 0x3001 && c <= 0x3011) ||
      (c >= 0x3041 && c <= 0x3096) ||
      (c >= 0x30A1 && c <= 0x30FC) ||
      (c >= 0x3400 && c <= 0x4DBF) ||
      (c >= 0x4E00 && c <= 0x9FFF))
    return TRUE;

  /* Scripts where two characters of combining class 0 can compose. */
  if ((c >= 0x0900 && c <= 0x0DFF) || (c >= 0x1100 && c <= 0x11FF) ||
      (c >= 0xAC00 && c <= 0xD7AF) || c >= 0x10000)
    return FALSE;

  return g_unichar_combining_class (c) == 0 &&
         !g_unichar_isupper (c) && !g_unichar_islower (c) && !g_unichar_istitle (c) &&
         g_unichar_fully_decompose (c, TRUE, decomposed, G_N_ELEMENTS (decomposed)) == 1 &&
         decomposed[0] == c;
}

/* Appends the folded form of @c when @c alone tells it. */
static gboolean
append_folded_char (GString  *out,
                    gunichar  c)
{
  if (c < 0x80)
    g_string_append_c (out, g_ascii_tolower ((char) c));
  else if (c >= 0xFF01 && c <= 0xFF5E)   /* full-width forms of ASCII */
    g_string_append_c (out, g_ascii_tolower ((char) (c - 0xFEE0)));
  else if (c == 0x3000)                  /* ideographic space */
    g_string_append_c (out, ' ');
  else if (folds_to_itself (c))
    g_string_append_unichar (out, c);
  else
    return FALSE;
  return TRUE;
}

/* Appends @text folded one character at a time; when a character needs its
 * neighbours or a table, appends nothing and returns FALSE. */
static gboolean
append_folded_simple (GString    *out,
                      const char *text)
{
  gsize start = out->len;
  gboolean plain = TRUE;

  /* Most text needs no more than ASCII capitals made small. */
  for (const char *p = text; *p && plain; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      plain = c < 0x80 || folds_to_itself (c);
    }
  if (plain)
    {
      g_string_append (out, text);
      for (gsize i = start; i < out->len; i++)
        out->str[i] = g_ascii_tolower (out->str[i]);
      return TRUE;
    }

  for (const char *p = text; *p; p = g_utf8_next_char (p))
    if (!append_folded_char (out, g_utf8_get_char (p)))
      {
        g_string_truncate (out, start);
        return FALSE;
      }
  return TRUE;
}

/* Katakana becomes hiragana, so that さろん finds サロン and the other way round.
 * ァ–ヶ (U+30A1–U+30F6) lie 0x60 above ぁ–ゖ, all three bytes long in UTF-8, so
 * the text is changed in place; half-width ｻﾛﾝ has been made サロン before. */
static void
fold_katakana (char *p)
{
  for (; *p != '\0'; p++)
    {
      gunichar c;

      if ((guchar) p[0] != 0xE3 || ((guchar) p[1] != 0x82 && (guchar) p[1] != 0x83) ||
          ((guchar) p[2] & 0xC0) != 0x80)
        continue;
      c = 0x3000 | (((guchar) p[1] & 0x3F) << 6) | ((guchar) p[2] & 0x3F);
      if (c < 0x30A1 || c > 0x30F6)
        continue;
      c -= 0x60;
      p[1] = (char) (0x80 | ((c >> 6) & 0x3F));
      p[2] = (char) (0x80 | (c & 0x3F));
      p += 2;
    }
}

/* Appends @text as sa_search_fold() folds it. */
static void
append_folded (GString    *out,
               const char *text)
{
  g_autofree char *normalized = NULL;
  g_autofree char *folded = NULL;
  gsize start = out->len;

  /* Loading 100,000 activities folds their texts; the general path costs ten
   * times more than folding character by character. */
  if (!append_folded_simple (out, text))
    {
      normalized = g_utf8_normalize (text, -1, G_NORMALIZE_ALL_COMPOSE);
      if (normalized == NULL)
        return;
      folded = g_utf8_casefold (normalized, -1);
      g_string_append (out, folded);
    }
  fold_katakana (out->str + start);
}

static void
append_field (GString    *key,
              const char *text)
{
  if (key->len > 0)
    g_string_append_c (key, '\x01');
  if (text != NULL)
    append_folded (key, text);
}

/* Puts the item's search key into @key, a buffer a loader uses for every item. */
void
_sa_activity_item_fold_key (SaActivityItem *self,
                            GString        *key)
{
  /* The title comes first, so comparing keys orders by title; \x01 sorts before any
   * character a title has, and no search word can span two fields. */
  g_string_truncate (key, 0);
  append_field (key, self->title);
  append_field (key, self->place);
  append_field (key, self->notes);
  append_field (key, self->organization_name);
}

/* Called by the loader once the fields are set. */
void
_sa_activity_item_finish (SaActivityItem *self)
{
  GString *key = g_string_sized_new (64);

  _sa_activity_item_fold_key (self, key);
  self->search_key = g_ref_string_new_len (key->str, key->len);
  g_string_free (key, TRUE);
}

const char *
sa_activity_item_get_id (SaActivityItem *self)
{
  g_return_val_if_fail (SA_IS_ACTIVITY_ITEM (self), NULL);

  return self->id;
}

/**
 * sa_activity_item_get_date:
 * @self: an item
 *
 * Returns: the day, YYYY-MM-DD
 */
const char *
sa_activity_item_get_date (SaActivityItem *self)
{
  g_return_val_if_fail (SA_IS_ACTIVITY_ITEM (self), NULL);

  return self->date;
}

/**
 * sa_activity_item_get_day:
 * @self: an item
 *
 * Returns: the day as the number YYYYMMDD, which orders like the date
 */
guint
sa_activity_item_get_day (SaActivityItem *self)
{
  g_return_val_if_fail (SA_IS_ACTIVITY_ITEM (self), 0);

  return self->day;
}

int
sa_activity_item_get_fiscal_year (SaActivityItem *self)
{
  g_return_val_if_fail (SA_IS_ACTIVITY_ITEM (self), 0);

  /* Fiscal years start in April. */
  return (int) (self->day / 10000) - (self->day / 100 % 100 < 4);
}

/**
 * sa_activity_item_get_time:
 * @self: an item
 *
 * Returns: (nullable): the time of day, HH:MM
 */
const char *
sa_activity_item_get_time (SaActivityItem *self)
{
  g_return_val_if_fail (SA_IS_ACTIVITY_ITEM (self), NULL);

  return self->time[0] ? self->time : NULL;
}

const char *
sa_activity_item_get_title (SaActivityItem *self)
{
  g_return_val_if_fail (SA_IS_ACTIVITY_ITEM (self), NULL);

  return self->title;
}

const char *
sa_activity_item_get_organization_id (SaActivityItem *self)
{
  g_return_val_if_fail (SA_IS_ACTIVITY_ITEM (self), NULL);

  return self->organization_id;
}

const char *
sa_activity_item_get_organization_name (SaActivityItem *self)
{
  g_return_val_if_fail (SA_IS_ACTIVITY_ITEM (self), NULL);

  return self->organization_name;
}

const char *
sa_activity_item_get_district_id (SaActivityItem *self)
{
  g_return_val_if_fail (SA_IS_ACTIVITY_ITEM (self), NULL);

  return self->district_id;
}

const char *
sa_activity_item_get_district_name (SaActivityItem *self)
{
  g_return_val_if_fail (SA_IS_ACTIVITY_ITEM (self), NULL);

  return self->district_name;
}

/**
 * sa_activity_item_get_district_position:
 * @self: an item
 *
 * Returns: where the district comes in the ward's list; G_MAXINT without a district
 */
int
sa_activity_item_get_district_position (SaActivityItem *self)
{
  g_return_val_if_fail (SA_IS_ACTIVITY_ITEM (self), G_MAXINT);

  return self->district_position;
}

const char *
sa_activity_item_get_place (SaActivityItem *self)
{
  g_return_val_if_fail (SA_IS_ACTIVITY_ITEM (self), NULL);

  return self->place;
}

guint
sa_activity_item_get_participants (SaActivityItem *self)
{
  g_return_val_if_fail (SA_IS_ACTIVITY_ITEM (self), 0);

  return self->participants;
}

/**
 * sa_activity_items_sum_participants:
 * @items: (array length=n_items): items
 * @n_items: the number of @items
 *
 * Returns: the participants of all @items, read from the fields without a checked
 *   call per item: the footer adds up 100,000 of them after a search.
 */
guint64
sa_activity_items_sum_participants (SaActivityItem * const *items,
                                    guint                   n_items)
{
  guint64 sum = 0;

  for (guint i = 0; i < n_items; i++)
    sum += items[i]->participants;
  return sum;
}

guint
sa_activity_item_get_volunteers (SaActivityItem *self)
{
  g_return_val_if_fail (SA_IS_ACTIVITY_ITEM (self), 0);

  return self->volunteers;
}

const char *
sa_activity_item_get_notes (SaActivityItem *self)
{
  g_return_val_if_fail (SA_IS_ACTIVITY_ITEM (self), NULL);

  return self->notes;
}

/**
 * sa_activity_item_get_commitment_ids:
 * @self: an item
 *
 * Returns: (transfer none): the commitments the activity advances that are in the
 *   plan, in the plan's order
 */
const char * const *
sa_activity_item_get_commitment_ids (SaActivityItem *self)
{
  static const char * const none[] = { NULL };

  g_return_val_if_fail (SA_IS_ACTIVITY_ITEM (self), NULL);

  return self->commitment_ids ? (const char * const *) self->commitment_ids : none;
}

guint
sa_activity_item_get_n_commitments (SaActivityItem *self)
{
  g_return_val_if_fail (SA_IS_ACTIVITY_ITEM (self), 0);

  return self->n_commitments;
}

/**
 * sa_activity_item_get_commitment_rank:
 * @self: an item
 *
 * Returns: the place of the item's first commitment in the plan's order, to sort by
 *   commitment; G_MAXUINT when it has none
 */
guint
sa_activity_item_get_commitment_rank (SaActivityItem *self)
{
  g_return_val_if_fail (SA_IS_ACTIVITY_ITEM (self), G_MAXUINT);

  return self->commitment_rank;
}

gboolean
sa_activity_item_has_commitment (SaActivityItem *self,
                                 const char     *commitment_id)
{
  g_return_val_if_fail (SA_IS_ACTIVITY_ITEM (self), FALSE);

  for (guint i = 0; i < self->n_commitments; i++)
    if (g_str_equal (self->commitment_ids[i], commitment_id))
      return TRUE;
  return FALSE;
}

/**
 * sa_activity_item_get_search_key:
 * @self: an item
 *
 * Returns: title, place, notes and organization name, folded with sa_search_fold()
 */
const char *
sa_activity_item_get_search_key (SaActivityItem *self)
{
  g_return_val_if_fail (SA_IS_ACTIVITY_ITEM (self), NULL);

  return self->search_key;
}

/**
 * sa_activity_item_matches:
 * @self: an item
 * @words: words from sa_search_words()
 *
 * Returns: whether each word occurs somewhere in the title, place, notes or
 *   organization name
 */
gboolean
sa_activity_item_matches (SaActivityItem     *self,
                          const char * const *words)
{
  g_return_val_if_fail (SA_IS_ACTIVITY_ITEM (self), FALSE);

  return sa_search_match (self->search_key, words);
}

/**
 * sa_activity_item_compare_title:
 * @a: an item
 * @b: another item
 *
 * Orders by title, ignoring case and compatibility forms, then by place and notes.
 *
 * Returns: negative, 0 or positive, as strcmp()
 */
int
sa_activity_item_compare_title (SaActivityItem *a,
                                SaActivityItem *b)
{
  return strcmp (a->search_key, b->search_key);
}

/**
 * sa_search_fold:
 * @text: text a person typed or stored
 *
 * Folds text for substring search: compatibility forms become the usual ones
 * (full-width Ｓａｌｏｎ and ２５ become Salon and 25, half-width ｻﾛﾝ becomes サロン),
 * katakana becomes hiragana (サロン and さろん match each other) and case is ignored. Japanese has no spaces between words, so search matches
 * substrings of the folded text rather than whole words.
 *
 * Returns: (transfer full): the folded text
 */
char *
sa_search_fold (const char *text)
{
  GString *folded;

  g_return_val_if_fail (text != NULL, NULL);

  folded = g_string_new (NULL);
  append_folded (folded, text);
  return g_string_free (folded, FALSE);
}

/**
 * sa_search_words:
 * @text: what a person typed into a search entry
 *
 * Returns: (transfer full): the folded words of @text, split at spaces (the
 *   full-width space too); empty when @text has none
 */
char **
sa_search_words (const char *text)
{
  g_autofree char *folded = sa_search_fold (text ? text : "");
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) parts = g_strsplit_set (folded, " \t\n", -1);

  for (guint i = 0; parts[i] != NULL; i++)
    if (*parts[i] != '\0')
      g_strv_builder_add (builder, parts[i]);
  return g_strv_builder_end (builder);
}

/**
 * sa_search_match:
 * @folded: text folded with sa_search_fold()
 * @words: (nullable): words from sa_search_words()
 *
 * Returns: whether every word occurs in @folded; %TRUE when there are no words
 */
gboolean
sa_search_match (const char         *folded,
                 const char * const *words)
{
  for (guint i = 0; words != NULL && words[i] != NULL; i++)
    if (strstr (folded, words[i]) == NULL)
      return FALSE;
  return TRUE;
}

/* test-privacy.c: contact details noticed in what people write
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "sa-activity.h"
#include "sa-privacy.h"

typedef struct
{
  const char     *text;
  SaPrivacyFlags  expected;
} Case;

static const Case cases[] = {
  { "090-1234-5678", SA_PRIVACY_PHONE },
  { "連絡先 03-1234-5678 まで", SA_PRIVACY_PHONE },
  { "０３－１２３４－５６７８", SA_PRIVACY_PHONE },
  { "0120-123-456", SA_PRIVACY_PHONE },
  { "045(123)4567", SA_PRIVACY_PHONE },
  { "09012345678", SA_PRIVACY_PHONE },
  { "+81 90 1234 5678", SA_PRIVACY_PHONE },
  { "電話：45-6789", SA_PRIVACY_PHONE },
  { "℡ 12-3456", SA_PRIVACY_PHONE },
  { "090ー1234ー5678", SA_PRIVACY_PHONE },
  { "taro@example.jp", SA_PRIVACY_EMAIL },
  { "ｔａｒｏ＠ｅｘａｍｐｌｅ．ｊｐ", SA_PRIVACY_EMAIL },
  { "taro@example.jp 090-1234-5678", SA_PRIVACY_PHONE | SA_PRIVACY_EMAIL },
  { "2026-12-05", SA_PRIVACY_NONE },
  { "10:00-12:00 参加者12名", SA_PRIVACY_NONE },
  { "第2期 2016-2020", SA_PRIVACY_NONE },
  { "〒231-0001 中区新港", SA_PRIVACY_NONE },
  { "1234567890", SA_PRIVACY_NONE },
  { "090-1234-56789012", SA_PRIVACY_NONE },
  { "@メンション", SA_PRIVACY_NONE },
  { "a@b", SA_PRIVACY_NONE },
  { "", SA_PRIVACY_NONE },
  { NULL, SA_PRIVACY_NONE },
};

static void
test_scan (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_test_message ("%s", cases[i].text ? cases[i].text : "(null)");
      g_assert_cmpint (sa_privacy_scan (cases[i].text), ==, cases[i].expected);
    }
}

static void
test_activity_fields (void)
{
  g_autoptr(SaRecord) activity = SA_RECORD (sa_activity_new ());

  sa_record_set_text (activity, SA_ACTIVITY_TITLE, "サロン");
  g_assert_cmpint (sa_privacy_scan_activity (activity), ==, SA_PRIVACY_NONE);
  sa_record_set_text (activity, SA_ACTIVITY_PLACE, "集会所 045-123-4567");
  g_assert_cmpint (sa_privacy_scan_activity (activity), ==, SA_PRIVACY_PHONE);
  sa_record_set_text (activity, SA_ACTIVITY_NOTES, "問い合わせ: hanako@example.com");
  g_assert_cmpint (sa_privacy_scan_activity (activity), ==, SA_PRIVACY_PHONE | SA_PRIVACY_EMAIL);
  g_assert_nonnull (sa_privacy_describe (SA_PRIVACY_PHONE | SA_PRIVACY_EMAIL));
  g_assert_null (sa_privacy_describe (SA_PRIVACY_NONE));
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/privacy/scan", test_scan);
  g_test_add_func ("/privacy/activity-fields", test_activity_fields);
  return g_test_run ();
}

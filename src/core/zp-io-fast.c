/* zp-io-fast.c — the one-pass reader for files as Ziping writes them (docs/file-format.md).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>
#include <sys/stat.h>

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>

#include "ziping-core.h"
#include "zp-goal-private.h"
#include "zp-indicator-private.h"
#include "zp-io-private.h"

/* json-glib's tree of a district's workbook takes about 5 × the file and as long to free as
 * to build. Files as Ziping writes them (strict JSON, the header and scheme before the
 * forms, every member once) are read here in one pass straight into the model instead:
 * the header and scheme, small, still through json-glib and the loader (zp-io-loader.c);
 * the forms without any tree. The reader takes no decision of its own: whatever it is not sure of
 * (a syntax error, comments, a duplicate member, a number where text belongs, a word it
 * does not know…) makes it give up, and the loader reads the file again and says
 * what is wrong, so that both give the same workbook or the same message. */
typedef struct
{
  const char *start;
  const char *p;
  const char *end;
  /* Unescaped strings, NUL-terminated; as long as the text, so that every string fits.
   * Used as a stack: a member's strings are dropped once applied. Pages never written
   * cost no memory. */
  char       *scratch;
  char       *top;
} Fast;

static inline void
fast_blank (Fast *f)
{
  static const char eight_spaces[8] = "        ";

  while (f->p < f->end && (*f->p == ' ' || *f->p == '\n' || *f->p == '\r' || *f->p == '\t'))
    {
      f->p++;
      /* The indent of a deep member, eight spaces at a time. */
      while (f->end - f->p >= 8 && memcmp (f->p, eight_spaces, 8) == 0)
        f->p += 8;
    }
}

/* Consumes `c` after blanks, if it is there. */
static inline gboolean
fast_take (Fast *f,
           char  c)
{
  fast_blank (f);
  if (f->p < f->end && *f->p == c)
    {
      f->p++;
      return TRUE;
    }
  return FALSE;
}

static gboolean
fast_literal (Fast       *f,
              const char *word)
{
  gsize length = strlen (word);

  if ((gsize) (f->end - f->p) < length || memcmp (f->p, word, length) != 0)
    return FALSE;
  f->p += length;
  return TRUE;
}

/* `null` here stands for an absent member, as in the loader. */
static gboolean
fast_null (Fast *f)
{
  fast_blank (f);
  return f->p < f->end && *f->p == 'n' && fast_literal (f, "null");
}

static int
hex_value (char c)
{
  if (c >= '0' && c <= '9')
    return c - '0';
  if (c >= 'a' && c <= 'f')
    return c - 'a' + 10;
  if (c >= 'A' && c <= 'F')
    return c - 'A' + 10;
  return -1;
}

/* The length of the well-formed UTF-8 sequence at p (its first byte 0x80 or above), or
 * 0: the same rules as g_utf8_validate() (no overlong forms, no surrogates, nothing
 * above U+10FFFF). The loader validates the whole file before reading it; this reader
 * validates only strings, as it copies them: outside strings it takes nothing but
 * ASCII JSON syntax. */
static inline gsize
utf8_sequence (const guchar *p,
               const guchar *end)
{
  guchar c = p[0];
  guchar low = 0x80, high = 0xBF;
  gsize length;

  if (c >= 0xC2 && c <= 0xDF)
    length = 2;
  else if (c >= 0xE0 && c <= 0xEF)
    {
      length = 3;
      if (c == 0xE0)
        low = 0xA0;
      else if (c == 0xED)
        high = 0x9F;
    }
  else if (c >= 0xF0 && c <= 0xF4)
    {
      length = 4;
      if (c == 0xF0)
        low = 0x90;
      else if (c == 0xF4)
        high = 0x8F;
    }
  else
    return 0;

  if ((gsize) (end - p) < length || p[1] < low || p[1] > high)
    return 0;
  for (gsize i = 2; i < length; i++)
    if ((p[i] & 0xC0) != 0x80)
      return 0;
  return length;
}

/* A string, unescaped onto the scratch stack; FALSE on text that is not UTF-8. */
static gboolean
fast_string (Fast        *f,
             const char **out)
{
  const char *p;
  char *o = f->top;

  if (!fast_take (f, '"'))
    return FALSE;

  *out = o;
  for (p = f->p; p < f->end; )
    {
      guchar c = *p;
      gunichar u = 0;

      /* Most bytes are plain ASCII or one of the three of a CJK character (lead bytes E1–EF
       * but ED, whose second byte is any continuation byte): copied without a call. */
      if (c >= 0x20 && c < 0x80 && c != '"' && c != '\\')
        {
          *o++ = c;
          p++;
          continue;
        }
      if (c >= 0xE1 && c <= 0xEF && c != 0xED && f->end - p >= 3 &&
          (p[1] & 0xC0) == 0x80 && (p[2] & 0xC0) == 0x80)
        {
          o[0] = c;
          o[1] = p[1];
          o[2] = p[2];
          o += 3;
          p += 3;
          continue;
        }
      if (c == '"')
        {
          *o++ = '\0';
          f->p = p + 1;
          f->top = o;
          return TRUE;
        }
      if (c < 0x20)
        return FALSE;
      if (c >= 0x80)
        {
          gsize n = utf8_sequence ((const guchar *) p, (const guchar *) f->end);

          if (n == 0)
            return FALSE;
          memcpy (o, p, n);
          o += n;
          p += n;
          continue;
        }
      if (c != '\\')
        {
          *o++ = c;
          p++;
          continue;
        }
      if (++p >= f->end)
        return FALSE;
      switch (*p++)
        {
        case '"':  *o++ = '"'; break;
        case '\\': *o++ = '\\'; break;
        case '/':  *o++ = '/'; break;
        case 'b':  *o++ = '\b'; break;
        case 'f':  *o++ = '\f'; break;
        case 'n':  *o++ = '\n'; break;
        case 'r':  *o++ = '\r'; break;
        case 't':  *o++ = '\t'; break;
        case 'u':
          if (f->end - p < 4)
            return FALSE;
          for (int i = 0; i < 4; i++)
            {
              int digit = hex_value (p[i]);

              if (digit < 0)
                return FALSE;
              u = u * 16 + digit;
            }
          p += 4;
          /* A surrogate pair (what other tools write for 😀) makes one character, in no
           * more bytes than its twelve; NUL and a lone surrogate are the loader's to
           * refuse. */
          if (u >= 0xD800 && u <= 0xDBFF && f->end - p >= 6 && p[0] == '\\' && p[1] == 'u')
            {
              gunichar low = 0;

              for (int i = 2; i < 6; i++)
                {
                  int digit = hex_value (p[i]);

                  if (digit < 0)
                    return FALSE;
                  low = low * 16 + digit;
                }
              if (low < 0xDC00 || low > 0xDFFF)
                return FALSE;
              u = 0x10000 + ((u - 0xD800) << 10) + (low - 0xDC00);
              p += 6;
            }
          if (u == 0 || (u >= 0xD800 && u <= 0xDFFF))
            return FALSE;
          o += g_unichar_to_utf8 (u, o);
          break;
        default:
          return FALSE;
        }
    }
  return FALSE;
}

/* A member name with no escapes, and its colon. */
static gboolean
fast_key (Fast        *f,
          const char **key,
          gsize       *length)
{
  const char *p;

  if (!fast_take (f, '"'))
    return FALSE;
  for (p = f->p; p < f->end && *p != '"'; p++)
    {
      /* Ziping's member names are ASCII: anything else is the loader's. */
      if (*p == '\\' || (guchar) *p < 0x20 || (guchar) *p >= 0x80)
        return FALSE;
    }
  if (p >= f->end || p == f->p)
    return FALSE;

  *key = f->p;
  *length = p - f->p;
  f->p = p + 1;
  return fast_take (f, ':');
}

static gboolean
key_is (const char *key,
        gsize       length,
        const char *name)
{
  /* First byte first: a key is compared with up to some forty names. */
  return key[0] == name[0] && strncmp (key, name, length) == 0 && name[length] == '\0';
}

/* The index of `key` in `names` (NULL-terminated), or -1. */
static int
key_lookup (const char         *key,
            gsize               length,
            const char * const *names)
{
  for (int i = 0; names[i] != NULL; i++)
    {
      if (key_is (key, length, names[i]))
        return i;
    }
  return -1;
}

/* Marks member `index` as seen; FALSE when it was already (json-glib keeps one of two
 * same-named members: which one is its business). */
static gboolean
fast_first_time (guint64 *seen,
                 int      index)
{
  guint64 bit = G_GUINT64_CONSTANT (1) << index;

  if (*seen & bit)
    return FALSE;
  *seen |= bit;
  return TRUE;
}

/* A plain number: integer, fraction, no exponent and not too long for json-glib to read
 * the same way. */
static gboolean
fast_number (Fast *f)
{
  const char *p = f->p;
  const char *digits;

  if (p < f->end && *p == '-')
    p++;
  digits = p;
  if (p < f->end && *p == '0')
    p++;
  else
    while (p < f->end && g_ascii_isdigit (*p))
      p++;
  if (p == digits)
    return FALSE;
  if (p < f->end && *p == '.')
    {
      const char *fraction = ++p;

      while (p < f->end && g_ascii_isdigit (*p))
        p++;
      if (p == fraction)
        return FALSE;
    }
  if (p - f->p > 15 || (p < f->end && (g_ascii_isalnum (*p) || *p == '.')))
    return FALSE;
  f->p = p;
  return TRUE;
}

/* Any value, checked and passed over (members Ziping does not know); nesting deeper
 * than MAX_NESTING is left to the loader to refuse. */
static gboolean
fast_skip_nested (Fast  *f,
                  guint  depth)
{
  fast_blank (f);
  if (f->p >= f->end || depth >= MAX_NESTING)
    return FALSE;

  switch (*f->p)
    {
    case '"':
      {
        char *top = f->top;
        const char *text;
        gboolean ok = fast_string (f, &text);

        f->top = top;
        return ok;
      }
    case '{':
      f->p++;
      if (fast_take (f, '}'))
        return TRUE;
      do
        {
          const char *key;
          gsize length;

          if (!fast_key (f, &key, &length) || !fast_skip_nested (f, depth + 1))
            return FALSE;
        }
      while (fast_take (f, ','));
      return fast_take (f, '}');
    case '[':
      f->p++;
      if (fast_take (f, ']'))
        return TRUE;
      do
        {
          if (!fast_skip_nested (f, depth + 1))
            return FALSE;
        }
      while (fast_take (f, ','));
      return fast_take (f, ']');
    case 't':
      return fast_literal (f, "true");
    case 'f':
      return fast_literal (f, "false");
    case 'n':
      return fast_literal (f, "null");
    default:
      return fast_number (f);
    }
}

/* Members Ziping does not know sit at most 7 levels down (in an indicator): counted
 * from 8, so that the fast reader gives up before the loader would refuse. */
static gboolean
fast_skip (Fast *f)
{
  return fast_skip_nested (f, 8);
}

/* Text or a figure: a string, or null for "". */
static gboolean
fast_text (Fast        *f,
           const char **out)
{
  if (fast_null (f))
    {
      *out = "";
      return TRUE;
    }
  return fast_string (f, out);
}

/* One of `words`; null keeps *out. */
static gboolean
fast_word (Fast               *f,
           const char * const *words,
           int                *out)
{
  char *top = f->top;
  const char *word;
  int i;

  if (fast_null (f))
    return TRUE;
  if (!fast_string (f, &word))
    return FALSE;
  f->top = top;

  for (i = 0; words[i] != NULL; i++)
    {
      if (g_str_equal (words[i], word))
        {
          *out = i;
          return TRUE;
        }
    }
  return FALSE;
}

/* true or false; null keeps *out. */
static gboolean
fast_boolean (Fast     *f,
              gboolean *out)
{
  if (fast_null (f))
    return TRUE;
  if (fast_literal (f, "true"))
    *out = TRUE;
  else if (fast_literal (f, "false"))
    *out = FALSE;
  else
    return FALSE;
  return TRUE;
}

/* Calls member() for each member of an object; null is no object (*present FALSE). */
typedef gboolean (*FastMember) (Fast *f, const char *key, gsize length, gpointer data);

static gboolean
fast_object (Fast       *f,
             FastMember  member,
             gpointer    data,
             gboolean   *present)
{
  if (present != NULL)
    {
      *present = !fast_null (f);
      if (!*present)
        return TRUE;
    }
  if (!fast_take (f, '{'))
    return FALSE;
  if (fast_take (f, '}'))
    return TRUE;
  do
    {
      const char *key;
      gsize length;

      if (!fast_key (f, &key, &length) || !member (f, key, length, data))
        return FALSE;
    }
  while (fast_take (f, ','));
  return fast_take (f, '}');
}

/* Starts an array (null: none); then fast_next() before each element. */
static gboolean
fast_array_open (Fast     *f,
                 gboolean *present)
{
  *present = !fast_null (f);
  return !*present || fast_take (f, '[');
}

/* TRUE with *more when an element follows, TRUE without at the end. */
static gboolean
fast_next (Fast     *f,
           guint     index,
           gboolean *more)
{
  if (fast_take (f, ']'))
    {
      *more = FALSE;
      return TRUE;
    }
  *more = TRUE;
  return index == 0 || fast_take (f, ',');
}

/* 佐证材料: a list of strings (null: none), copied out of the scratch stack. */
static gboolean
fast_evidence (Fast  *f,
               GStrv *out)
{
  g_autoptr(GStrvBuilder) paths = g_strv_builder_new ();
  char *top = f->top;
  gboolean present, more;

  if (*out != NULL || !fast_array_open (f, &present))
    return FALSE;  /* twice: the slow reader says where */
  for (guint i = 0; present; i++)
    {
      const char *path;

      if (!fast_next (f, i, &more))
        return FALSE;
      if (!more)
        break;
      if (!fast_string (f, &path))
        return FALSE;
      g_strv_builder_add (paths, path);
      f->top = top;
    }
  *out = g_strv_builder_end (paths);
  return TRUE;
}

/* Explanations: key → text, set when not empty. */
typedef struct
{
  gpointer     target;
  void       (*set) (gpointer, const char *, const char *);
  GHashTable  *keys;  /* seen, to give up on a repeated key */
} FastExplanations;

static gboolean
fast_explanation (Fast       *f,
                  const char *key,
                  gsize       length,
                  gpointer    data)
{
  FastExplanations *e = data;
  char *name;
  char *top = f->top;
  const char *text;

  if (g_hash_table_size (e->keys) >= ZP_IO_MAX_EXPLANATIONS)
    return FALSE;
  name = g_strndup (key, length);
  if (!g_hash_table_add (e->keys, name))
    return FALSE;
  if (!fast_text (f, &text))
    return FALSE;
  if (*text != '\0')
    e->set (e->target, name, text);
  f->top = top;
  return TRUE;
}

static gboolean
fast_explanations (Fast     *f,
                   gpointer  target,
                   void    (*set) (gpointer, const char *, const char *))
{
  g_autoptr(GHashTable) keys = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  FastExplanations e = { target, set, keys };
  gboolean present;

  return fast_object (f, fast_explanation, &e, &present);
}

typedef struct
{
  IndicatorFields fields;
  guint64         seen;
} FastIndicator;

static gboolean
fast_indicator_member (Fast       *f,
                       const char *key,
                       gsize       length,
                       gpointer    data)
{
  FastIndicator *ind = data;

  for (guint i = 0; i < N_INDICATOR_TEXTS; i++)
    {
      if (key_is (key, length, indicator_texts[i].member))
        return fast_first_time (&ind->seen, i) && fast_text (f, &ind->fields.texts[i])
               && (!indicator_texts[i].figure || _zp_io_figure_in_range (ind->fields.texts[i]));
    }
  if (key_is (key, length, "direction"))
    return fast_first_time (&ind->seen, N_INDICATOR_TEXTS)
           && fast_word (f, direction_words, &ind->fields.direction);
  if (key_is (key, length, "grade"))
    return fast_first_time (&ind->seen, N_INDICATOR_TEXTS + 1)
           && fast_word (f, grade_words, &ind->fields.grade);
  if (key_is (key, length, "not-applicable"))
    return fast_first_time (&ind->seen, N_INDICATOR_TEXTS + 2)
           && fast_boolean (f, &ind->fields.not_applicable);
  if (key_is (key, length, "evidence"))
    return fast_evidence (f, &ind->fields.evidence);
  return fast_skip (f);
}

/* The indicators, appended to the goal all at once. */
static gboolean
fast_indicators (Fast   *f,
                 ZpGoal *goal)
{
  g_autoptr(GPtrArray) indicators = g_ptr_array_new_with_free_func (g_object_unref);
  gboolean present, more;

  if (!fast_array_open (f, &present))
    return FALSE;
  for (guint i = 0; present; i++)
    {
      FastIndicator ind = { 0 };
      char *top = f->top;

      if (!fast_next (f, i, &more))
        return FALSE;
      if (!more)
        break;
      if (i >= ZP_IO_MAX_INDICATORS)
        return FALSE;

      _zp_io_indicator_fields_init (&ind.fields);
      if (!fast_object (f, fast_indicator_member, &ind, NULL))
        {
          g_strfreev (ind.fields.evidence);
          return FALSE;
        }
      g_ptr_array_add (indicators, _zp_io_indicator_from_fields (&ind.fields));
      g_strfreev (ind.fields.evidence);
      f->top = top;
    }

  _zp_goal_append_indicators (goal, (ZpIndicator **) indicators->pdata, indicators->len);
  return TRUE;
}

typedef struct
{
  ZpGoal  *goal;
  guint64  seen;
} FastGoal;

static gboolean
fast_goal_member (Fast       *f,
                  const char *key,
                  gsize       length,
                  gpointer    data)
{
  static const char * const names[] = { "text", "achieved", "weight", "indicators", NULL };
  static void (* const setters[]) (ZpGoal *, const char *) = {
    zp_goal_set_text, zp_goal_set_achieved, zp_goal_set_weight,
  };
  FastGoal *g = data;
  int index = key_lookup (key, length, names);
  char *top = f->top;
  const char *text;

  if (index < 0)
    return fast_skip (f);
  if (!fast_first_time (&g->seen, index))
    return FALSE;
  if (index == 3)
    return fast_indicators (f, g->goal);

  if (!fast_text (f, &text) || (index == 2 && !_zp_io_figure_in_range (text)))
    return FALSE;
  setters[index] (g->goal, text);
  f->top = top;
  return TRUE;
}

/* An empty goal, as the loader leaves one before it reads the file's. */
static void
goal_clear (ZpGoal *goal)
{
  zp_goal_set_text (goal, "");
  zp_goal_set_achieved (goal, "");
  zp_goal_set_weight (goal, "");
  while (zp_goal_get_n_indicators (goal) > 0)
    zp_goal_remove_indicator (goal, 0);
}

static gboolean
fast_goal (Fast   *f,
           ZpGoal *goal)
{
  FastGoal g = { goal, 0 };

  goal_clear (goal);
  return fast_object (f, fast_goal_member, &g, NULL);
}

/* The members of both kinds of form, in one table: a bit each in `seen`. */
enum
{
  FORM_KIND,
  FORM_INITIAL_BUDGET,
  FORM_BUDGET,
  FORM_SPENT,
  FORM_ANALYSIS,
  FORM_IMPROVEMENT,
  FORM_EXPLANATIONS,
  FORM_GOALS,
  FORM_PUBLISHED_RATE,       /* version 2 */
  FORM_PUBLISHED_EXECUTION_SCORE,
  FORM_PUBLISHED_TOTAL,
  FORM_CATEGORY_POINTS,
  FORM_LAST_YEAR_BUDGET,
  FORM_LAST_YEAR_SPENT,
  FORM_UNIT,                 /* department */
  FORM_BASIC_EXPENDITURE,
  FORM_PROJECT_EXPENDITURE,
  FORM_NAME,                 /* project */
  FORM_DEPARTMENT,
  FORM_IMPLEMENTER,
  FORM_MANAGER,
  FORM_PROJECT_CATEGORY,
  FORM_PROJECT_ATTRIBUTE,
  FORM_PROJECT_TYPE,
  FORM_FUNDS,
  N_FORM_MEMBERS
};

static const char * const form_members[] = {
  "kind", "initial-budget", "budget", "spent", "analysis", "improvement", "explanations",
  "goals", "published-rate", "published-execution-score", "published-total", "category-points",
  "last-year-budget", "last-year-spent", "unit", "basic-expenditure", "project-expenditure", "name", "department",
  "implementer", "manager", "project-category", "project-attribute", "project-type",
  "funds", NULL
};

typedef struct
{
  ZpForm     *form;
  int         kind;
  guint64     seen;
  /* Texts (on the scratch stack until the form is done) and words, applied at the end
   * in the loader's order. */
  const char *texts[N_FORM_MEMBERS];
  int         words[N_FORM_MEMBERS];
} FastForm;

typedef struct
{
  const char *values[ZP_N_FUND_FIELDS];  /* "" when absent */
  guint64     seen;
} FastFundRow;

static gboolean
fast_fund_row_member (Fast       *f,
                      const char *key,
                      gsize       length,
                      gpointer    data)
{
  FastFundRow *row = data;
  int field = key_lookup (key, length, fund_field_words);

  if (field < 0)
    return fast_skip (f);
  return fast_first_time (&row->seen, field) && fast_text (f, &row->values[field])
         && _zp_io_figure_in_range (row->values[field]);
}

typedef struct
{
  ZpProjectForm *form;
  guint64        seen;
} FastFunds;

static gboolean
fast_funds_member (Fast       *f,
                   const char *key,
                   gsize       length,
                   gpointer    data)
{
  FastFunds *funds = data;
  int fund = key_lookup (key, length, fund_words);
  FastFundRow row = { { "", "", "" }, 0 };
  char *top = f->top;
  gboolean present;

  G_STATIC_ASSERT (ZP_N_FUND_FIELDS == 3);
  if (fund < 0)
    return fast_skip (f);
  if (!fast_first_time (&funds->seen, fund)
      || !fast_object (f, fast_fund_row_member, &row, &present))
    return FALSE;
  /* As the loader: a row that is there sets all its fields. */
  if (present)
    for (guint field = 0; field < ZP_N_FUND_FIELDS; field++)
      zp_project_form_set_fund (funds->form, fund, field, row.values[field]);
  f->top = top;
  return TRUE;
}

static gboolean
fast_department_goals (Fast             *f,
                       ZpDepartmentForm *form)
{
  gboolean present, more;

  if (!fast_array_open (f, &present))
    return FALSE;
  for (guint i = 0; present; i++)
    {
      g_autoptr(ZpGoal) goal = zp_goal_new ();

      if (!fast_next (f, i, &more))
        return FALSE;
      if (!more)
        break;
      if (i >= ZP_IO_MAX_GOALS || !fast_goal (f, goal))
        return FALSE;
      zp_form_insert_goal (ZP_FORM (form), zp_form_get_n_goals (ZP_FORM (form)), goal);
    }
  return TRUE;
}

/* A project form's goals: the first is its overall goal, any more are added. */
static gboolean
fast_project_goals (Fast          *f,
                    ZpProjectForm *form)
{
  gboolean present, more;

  if (!fast_array_open (f, &present))
    return FALSE;
  for (guint i = 0; present; i++)
    {
      g_autoptr(ZpGoal) goal = NULL;

      if (!fast_next (f, i, &more))
        return FALSE;
      if (!more)
        break;
      if (i >= ZP_IO_MAX_GOALS)
        return FALSE;
      if (i == 0)
        {
          if (!fast_goal (f, zp_project_form_get_overall_goal (form)))
            return FALSE;
          continue;
        }
      goal = zp_goal_new ();
      if (!fast_goal (f, goal))
        return FALSE;
      zp_form_insert_goal (ZP_FORM (form), i, goal);
    }
  return TRUE;
}

/* One {"name", "points"} of "category-points". */
typedef struct
{
  const char *name;
  const char *points;
  guint64     seen;
} FastPoints;

static gboolean
fast_points_member (Fast       *f,
                    const char *key,
                    gsize       length,
                    gpointer    data)
{
  static const char * const names[] = { "name", "points", NULL };
  FastPoints *p = data;
  int index = key_lookup (key, length, names);

  if (index < 0)
    return fast_skip (f);
  return fast_first_time (&p->seen, index)
         && fast_text (f, index == 0 ? &p->name : &p->points);
}

static gboolean
fast_category_points (Fast   *f,
                      ZpForm *form)
{
  gboolean present, more;

  if (!fast_array_open (f, &present))
    return FALSE;
  for (guint i = 0; present; i++)
    {
      FastPoints p = { "", "", 0 };
      char *top = f->top;

      if (!fast_next (f, i, &more))
        return FALSE;
      if (!more)
        break;
      /* A nameless category is the loader's to explain. */
      if (!fast_object (f, fast_points_member, &p, NULL) || *p.name == '\0'
          || !_zp_io_figure_in_range (p.points))
        return FALSE;
      zp_form_set_category_points (form, p.name, p.points);
      f->top = top;
    }
  return TRUE;
}

static gboolean
fast_form_member (Fast       *f,
                  const char *key,
                  gsize       length,
                  gpointer    data)
{
  FastForm *ff = data;
  int index = key_lookup (key, length, form_members);
  gboolean department = ff->kind == KIND_DEPARTMENT;
  gboolean present;

  if (index < 0 && key_is (key, length, "evidence"))
    {
      g_auto(GStrv) evidence = NULL;

      if (zp_form_get_evidence (ff->form)[0] != NULL || !fast_evidence (f, &evidence))
        return FALSE;
      zp_form_set_evidence (ff->form, (const char * const *) evidence);
      return TRUE;
    }
  if (index < 0)
    return fast_skip (f);
  /* A member of the other kind is not read by the loader either. */
  if (department ? index >= FORM_NAME : (index >= FORM_UNIT && index < FORM_NAME))
    return fast_skip (f);
  if (!fast_first_time (&ff->seen, index))
    return FALSE;

  switch (index)
    {
    case FORM_KIND:
      {
        /* Not first: found by fast_find_kind() before; it must say the same. */
        int kind = -1;

        return !fast_null (f) && fast_word (f, kind_words, &kind) && kind == ff->kind;
      }
    case FORM_EXPLANATIONS:
      return fast_explanations (f, ff->form, _zp_io_set_form_explanation);
    case FORM_GOALS:
      return department ? fast_department_goals (f, ZP_DEPARTMENT_FORM (ff->form))
                        : fast_project_goals (f, ZP_PROJECT_FORM (ff->form));
    case FORM_CATEGORY_POINTS:
      return fast_category_points (f, ff->form);
    case FORM_FUNDS:
      {
        FastFunds funds = { ZP_PROJECT_FORM (ff->form), 0 };

        return fast_object (f, fast_funds_member, &funds, &present);
      }
    case FORM_PROJECT_CATEGORY:
      return fast_word (f, category_words, &ff->words[index]);
    case FORM_PROJECT_ATTRIBUTE:
      return fast_word (f, attribute_words, &ff->words[index]);
    case FORM_PROJECT_TYPE:
      return fast_word (f, type_words, &ff->words[index]);
    case FORM_INITIAL_BUDGET:
    case FORM_BUDGET:
    case FORM_SPENT:
    case FORM_PUBLISHED_RATE:
    case FORM_PUBLISHED_EXECUTION_SCORE:
    case FORM_PUBLISHED_TOTAL:
    case FORM_LAST_YEAR_BUDGET:
    case FORM_LAST_YEAR_SPENT:
    case FORM_BASIC_EXPENDITURE:
    case FORM_PROJECT_EXPENDITURE:
      return fast_text (f, &ff->texts[index]) && _zp_io_figure_in_range (ff->texts[index]);
    default:
      return fast_text (f, &ff->texts[index]);
    }
}

/* The loader's setters, in its order, with what was read. */
static void
fast_form_apply (FastForm *ff)
{
  const char * const *t = ff->texts;
  ZpForm *form = ff->form;

  if (ff->kind == KIND_DEPARTMENT)
    {
      ZpDepartmentForm *department = ZP_DEPARTMENT_FORM (form);

      zp_department_form_set_unit (department, t[FORM_UNIT]);
      zp_department_form_set_basic_expenditure (department, t[FORM_BASIC_EXPENDITURE]);
      zp_department_form_set_project_expenditure (department, t[FORM_PROJECT_EXPENDITURE]);
    }
  else
    {
      ZpProjectForm *project = ZP_PROJECT_FORM (form);

      zp_project_form_set_name (project, t[FORM_NAME]);
      zp_project_form_set_department (project, t[FORM_DEPARTMENT]);
      zp_project_form_set_implementer (project, t[FORM_IMPLEMENTER]);
      zp_project_form_set_manager (project, t[FORM_MANAGER]);
      zp_project_form_set_project_category (project, ff->words[FORM_PROJECT_CATEGORY]);
      zp_project_form_set_project_attribute (project, ff->words[FORM_PROJECT_ATTRIBUTE]);
      zp_project_form_set_project_type (project, ff->words[FORM_PROJECT_TYPE]);
    }

  zp_form_set_initial_budget (form, t[FORM_INITIAL_BUDGET]);
  zp_form_set_budget (form, t[FORM_BUDGET]);
  zp_form_set_spent (form, t[FORM_SPENT]);
  zp_form_set_analysis (form, t[FORM_ANALYSIS]);
  zp_form_set_improvement (form, t[FORM_IMPROVEMENT]);
  zp_form_set_published_rate (form, t[FORM_PUBLISHED_RATE]);
  zp_form_set_published_execution_score (form, t[FORM_PUBLISHED_EXECUTION_SCORE]);
  zp_form_set_published_total (form, t[FORM_PUBLISHED_TOTAL]);
  zp_form_set_last_year_budget (form, t[FORM_LAST_YEAR_BUDGET]);
  zp_form_set_last_year_spent (form, t[FORM_LAST_YEAR_SPENT]);
}

/* Passes over any value without reading it (no unescaping, no checks): the member is
 * read properly afterwards, and anything wrong is found then. */
static gboolean
fast_pass_over (Fast *f)
{
  guint depth = 0;

  fast_blank (f);
  for (const char *p = f->p; p < f->end; p++)
    {
      switch (*p)
        {
        case '"':
          for (p++; p < f->end && *p != '"'; p++)
            if (*p == '\\' && p + 1 < f->end)
              p++;
          break;
        case '{':
        case '[':
          depth++;
          break;
        case '}':
        case ']':
          if (depth == 0)
            {
              f->p = p;
              return TRUE;
            }
          depth--;
          break;
        case ',':
          if (depth == 0)
            {
              f->p = p;
              return TRUE;
            }
          break;
        default:
          break;
        }
    }
  return FALSE;
}

/* The "kind" of the form whose members start at f->p, wherever it is among them (Ziping
 * writes it first; other tools, people and older files may not). f->p is kept. */
static gboolean
fast_find_kind (Fast *f,
                int  *kind)
{
  const char *start = f->p;
  char *top = f->top;
  gboolean found = FALSE;

  do
    {
      const char *key;
      gsize length;

      if (!fast_key (f, &key, &length))
        break;
      if (key_is (key, length, "kind"))
        {
          found = !fast_null (f) && fast_word (f, kind_words, kind);
          break;
        }
      if (!fast_pass_over (f))
        break;
    }
  while (fast_take (f, ','));

  f->p = start;
  f->top = top;
  return found;
}

/* One form, frozen and without its scheme, added to `forms` (the scheme may come later
 * in the file). */
static gboolean
fast_form (Fast      *f,
           guint      index,
           GPtrArray *forms)
{
  g_autoptr(ZpForm) form = NULL;
  FastForm ff = { 0 };
  const char *key;
  gsize length;
  char *top = f->top;
  const char *members;

  ff.kind = KIND_PROJECT;
  if (!fast_take (f, '{'))
    return FALSE;
  fast_blank (f);
  members = f->p;
  if (!fast_key (f, &key, &length))
    return FALSE;
  if (key_is (key, length, "kind"))
    {
      if (fast_null (f) || !fast_word (f, kind_words, &ff.kind))
        return FALSE;
      ff.seen = 1 << FORM_KIND;
    }
  else
    {
      f->p = members;
      if (!fast_find_kind (f, &ff.kind))
        return FALSE;
    }
  if (ff.kind == KIND_DEPARTMENT && index > 0)
    return FALSE;

  for (guint i = 0; i < N_FORM_MEMBERS; i++)
    ff.texts[i] = "";
  ff.words[FORM_PROJECT_CATEGORY] = ZP_PROJECT_CATEGORY_DEPARTMENT_BUDGET;
  ff.words[FORM_PROJECT_ATTRIBUTE] = ZP_PROJECT_ATTRIBUTE_CONTINUING;
  ff.words[FORM_PROJECT_TYPE] = ZP_PROJECT_TYPE_RECURRENT;

  form = ff.kind == KIND_DEPARTMENT ? ZP_FORM (zp_department_form_new ())
                                    : ZP_FORM (zp_project_form_new ());
  ff.form = form;
  zp_form_freeze (form);
  if (ff.kind == KIND_PROJECT)
    goal_clear (zp_project_form_get_overall_goal (ZP_PROJECT_FORM (form)));

  /* "kind" first: the members after it; otherwise all of them, "kind" checked again. */
  if (ff.seen == 0)
    {
      if (!fast_key (f, &key, &length) || !fast_form_member (f, key, length, &ff))
        return FALSE;
    }
  while (fast_take (f, ','))
    {
      if (!fast_key (f, &key, &length) || !fast_form_member (f, key, length, &ff))
        return FALSE;
    }
  if (!fast_take (f, '}') || !(ff.seen & (1 << FORM_KIND)))
    return FALSE;

  fast_form_apply (&ff);
  f->top = top;
  g_ptr_array_add (forms, g_steal_pointer (&form));
  return TRUE;
}

static gboolean
fast_forms (Fast      *f,
            GPtrArray *forms)
{
  gboolean more;

  if (!fast_take (f, '['))
    return FALSE;
  for (guint i = 0; ; i++)
    {
      if (!fast_next (f, i, &more))
        return FALSE;
      if (!more)
        return TRUE;
      if (i >= ZP_IO_MAX_FORMS || !fast_form (f, i, forms))
        return FALSE;
    }
}

static const char * const root_members[] = {
  "format", "version", "year", "unit", "unit-short", "department", "amount-unit", "scheme",
  "explanations", "report-edits", "forms", NULL
};

/* The workbook's own members (all but "forms"), gathered into one object and read by the
 * loader. */
static ZpWorkbook *
fast_head (const char *head,
           gsize       length)
{
  g_autoptr(JsonParser) parser = json_parser_new_immutable ();
  g_autoptr(GError) error = NULL;
  JsonNode *root;
  Loader loader = { 0 };

  if (!json_parser_load_from_data (parser, head, length, NULL))
    return NULL;
  root = json_parser_get_root (parser);
  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    return NULL;

  loader.text = head;
  loader.length = length;
  loader.display_name = "<head>";
  loader.error = &error;
  return _zp_io_load_workbook_head (&loader, json_node_get_object (root));
}

/* NULL when the text is not as Ziping reads it in one pass: then the loader reads it.
 * The root's members may come in any order: the forms are read as they come (frozen,
 * without a scheme), the other members gathered and read at the end. */
ZpWorkbook *
_zp_io_fast_load (const char *text,
                  gsize       length)
{
  g_autoptr(ZpWorkbook) workbook = NULL;
  g_autoptr(GPtrArray) forms = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GString) head = g_string_new ("{");
  g_autofree char *scratch = g_malloc (length + 1);
  Fast fast = { text, text, text + length, scratch, scratch };
  Fast *f = &fast;
  guint64 seen = 0;
  int forms_index = key_lookup ("forms", 5, root_members);

  if (!fast_take (f, '{'))
    return NULL;
  do
    {
      const char *member, *key;
      gsize key_length;
      int index;

      fast_blank (f);
      member = f->p;
      if (!fast_key (f, &key, &key_length))
        return NULL;
      index = key_lookup (key, key_length, root_members);
      /* json-glib keeps one of two same-named members: the loader's business. */
      if (index >= 0 && !fast_first_time (&seen, index))
        return NULL;
      if (index == forms_index)
        {
          if (!fast_forms (f, forms))
            return NULL;
          continue;
        }
      if (!fast_skip (f))
        return NULL;
      /* Known members only: the loader would not read the others. */
      if (index >= 0)
        {
          if (head->len > 1)
            g_string_append_c (head, ',');
          g_string_append_len (head, member, f->p - member);
        }
    }
  while (fast_take (f, ','));
  if (!fast_take (f, '}'))
    return NULL;
  fast_blank (f);
  if (f->p != f->end || !(seen & (G_GUINT64_CONSTANT (1) << forms_index)))
    return NULL;

  g_string_append_c (head, '}');
  workbook = fast_head (head->str, head->len);
  if (workbook == NULL)
    return NULL;

  for (guint i = 0; i < forms->len; i++)
    {
      ZpForm *form = forms->pdata[i];

      zp_form_set_scheme (form, zp_workbook_get_scheme (workbook));
      if (ZP_IS_DEPARTMENT_FORM (form))
        zp_workbook_set_department_form (workbook, ZP_DEPARTMENT_FORM (form));
      else
        zp_workbook_insert_project (workbook, G_MAXUINT, ZP_PROJECT_FORM (form));
      zp_form_thaw (form);
    }
  return g_steal_pointer (&workbook);
}

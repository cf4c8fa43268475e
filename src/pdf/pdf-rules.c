/* pdf-rules.c — see pdf-rules.h. */
#include "pdf-rules.h"
#include <cairo.h>
#include <math.h>
#include "content/content.h"
#include "layout/rules.h"
#include "pdf/pdf-libs.h"  /* last: its macros name the library calls */

/* Two coordinates this close (pt) are on one axis line: paths come through
 * cairo's fixed point, 1/64 pt at GK_PDF_PATH_PX_PER_PT. */
#define AXIS_EPSILON_PT 0.05

typedef struct {
  cairo_t *cr;
  double scale;        /* device px per pt */
  GArray *horizontal;  /* GkRect candidates, points */
  GArray *vertical;
  gboolean saw_image;  /* an image was drawn inside the bands */
  GkRect clip;         /* the current clip's extents, points (set per path) */
} PathSink;

/* A candidate segment box: horizontal when wider than tall; shading and
 * filled areas (thicker than a rule) are no candidates. */
static void
add_candidate (PathSink *sink, double x0, double y0, double x1, double y1)
{
  GkRect r = { MIN (x0, x1), MIN (y0, y1), MAX (x0, x1), MAX (y0, y1) };
  /* only what the page's clip lets show: a producer may draw a broken
   * table's borders on past the page margin and clip them there */
  GkRect clip = sink->clip;
  if (r.x1 < clip.x0 || r.x0 > clip.x1 || r.y1 < clip.y0 || r.y0 > clip.y1)
    return;
  double w = r.x1 - r.x0, h = r.y1 - r.y0;
  if (w >= h)
    r.x0 = MAX (r.x0, clip.x0), r.x1 = MIN (r.x1, clip.x1);
  else
    r.y0 = MAX (r.y0, clip.y0), r.y1 = MIN (r.y1, clip.y1);
  w = r.x1 - r.x0, h = r.y1 - r.y0;
  if (w >= h && h <= GK_RULE_MAX_THICKNESS_PT)
    g_array_append_val (sink->horizontal, r);
  else if (h > w && w <= GK_RULE_MAX_THICKNESS_PT)
    g_array_append_val (sink->vertical, r);
}

/* The current path of the sink's cairo_t in page points, subpath by subpath:
 * fn gets each subpath's points (closed ones repeat their start) and whether
 * it has curves. */
typedef void (*SubpathFunc) (PathSink *sink, const double *xy, int n, gboolean curved, gpointer data);

static void
each_subpath (PathSink *sink, SubpathFunc fn, gpointer data)
{
  double cx[4], cy[4];
  cairo_clip_extents (sink->cr, &cx[0], &cy[0], &cx[2], &cy[2]);
  cx[1] = cx[2], cy[1] = cy[0], cx[3] = cx[0], cy[3] = cy[2];
  sink->clip = (GkRect) { G_MAXDOUBLE, G_MAXDOUBLE, -G_MAXDOUBLE, -G_MAXDOUBLE };
  for (int k = 0; k < 4; k++)
    {
      cairo_user_to_device (sink->cr, &cx[k], &cy[k]);
      sink->clip.x0 = MIN (sink->clip.x0, cx[k] / sink->scale), sink->clip.x1 = MAX (sink->clip.x1, cx[k] / sink->scale);
      sink->clip.y0 = MIN (sink->clip.y0, cy[k] / sink->scale), sink->clip.y1 = MAX (sink->clip.y1, cy[k] / sink->scale);
    }
  cairo_path_t *path = cairo_copy_path (sink->cr);
  if (path->status != CAIRO_STATUS_SUCCESS)
    {
      cairo_path_destroy (path);
      return;
    }
  g_autoptr (GArray) xy = g_array_new (FALSE, FALSE, sizeof (double));
  gboolean curved = FALSE;
  for (int i = 0; i <= path->num_data; i += i < path->num_data ? path->data[i].header.length : 1)
    {
      cairo_path_data_type_t type = i < path->num_data ? path->data[i].header.type : CAIRO_PATH_MOVE_TO;
      if (type == CAIRO_PATH_MOVE_TO && xy->len > 0)
        {
          fn (sink, (const double *) xy->data, (int) xy->len / 2, curved, data);
          g_array_set_size (xy, 0);
          curved = FALSE;
        }
      if (i == path->num_data)
        break;
      double x, y;
      switch (type)
        {
        case CAIRO_PATH_MOVE_TO:
        case CAIRO_PATH_LINE_TO:
          x = path->data[i + 1].point.x;
          y = path->data[i + 1].point.y;
          break;
        case CAIRO_PATH_CURVE_TO:
          curved = TRUE;
          x = path->data[i + 3].point.x;
          y = path->data[i + 3].point.y;
          break;
        case CAIRO_PATH_CLOSE_PATH:
        default:
          if (xy->len < 2)
            continue;
          x = g_array_index (xy, double, 0);
          y = g_array_index (xy, double, 1);
          g_array_append_val (xy, x);
          g_array_append_val (xy, y);
          continue;   /* already in points */
        }
      cairo_user_to_device (sink->cr, &x, &y);
      x /= sink->scale;
      y /= sink->scale;
      g_array_append_val (xy, x);
      g_array_append_val (xy, y);
    }
  cairo_path_destroy (path);
}

/* A filled subpath that is an axis-aligned rectangle is a border piece. */
static void
filled_subpath (PathSink *sink, const double *xy, int n, gboolean curved, gpointer data)
{
  if (curved || n < 4 || n > 5)
    return;
  if (n == 5 && (fabs (xy[8] - xy[0]) > AXIS_EPSILON_PT || fabs (xy[9] - xy[1]) > AXIS_EPSILON_PT))
    return;
  for (int k = 0; k < 4; k++)
    {
      int j = (k + 1) % 4;
      if (fabs (xy[2 * k] - xy[2 * j]) > AXIS_EPSILON_PT && fabs (xy[2 * k + 1] - xy[2 * j + 1]) > AXIS_EPSILON_PT)
        return;   /* a slanted edge */
    }
  double x0 = MIN (MIN (xy[0], xy[2]), MIN (xy[4], xy[6])), x1 = MAX (MAX (xy[0], xy[2]), MAX (xy[4], xy[6]));
  double y0 = MIN (MIN (xy[1], xy[3]), MIN (xy[5], xy[7])), y1 = MAX (MAX (xy[1], xy[3]), MAX (xy[5], xy[7]));
  add_candidate (sink, x0, y0, x1, y1);
}

/* Each straight axis-aligned piece of a stroked subpath, as wide as the pen. */
static void
stroked_subpath (PathSink *sink, const double *xy, int n, gboolean curved, gpointer data)
{
  double half = *(const double *) data / 2;
  for (int k = 0; k + 1 < n; k++)
    {
      double ax = xy[2 * k], ay = xy[2 * k + 1], bx = xy[2 * k + 2], by = xy[2 * k + 3];
      if (fabs (ay - by) <= AXIS_EPSILON_PT && fabs (ax - bx) > AXIS_EPSILON_PT)
        add_candidate (sink, ax, ay - half, bx, ay + half);
      else if (fabs (ax - bx) <= AXIS_EPSILON_PT && fabs (ay - by) > AXIS_EPSILON_PT)
        add_candidate (sink, ax - half, ay, ax + half, by);
    }
}

static void
on_fill (cairo_surface_t *observer, cairo_surface_t *target, void *data)
{
  PathSink *sink = data;
  /* an image drawn as a rectangle filled with it is no border */
  if (cairo_pattern_get_type (cairo_get_source (sink->cr)) == CAIRO_PATTERN_TYPE_SURFACE)
    sink->saw_image = TRUE;
  else
    each_subpath (sink, filled_subpath, NULL);
}

/* poppler paints images and masks with them (stencils, soft masks) */
static void
on_image (cairo_surface_t *observer, cairo_surface_t *target, void *data)
{
  ((PathSink *) data)->saw_image = TRUE;
}

static void
on_stroke (cairo_surface_t *observer, cairo_surface_t *target, void *data)
{
  PathSink *sink = data;
  double dx = cairo_get_line_width (sink->cr), dy = 0;
  cairo_user_to_device_distance (sink->cr, &dx, &dy);
  double width = MAX (hypot (dx, dy) / sink->scale, GK_PDF_HAIRLINE_PT);
  each_subpath (sink, stroked_subpath, &width);
}

/* Keeps of each candidate only what lies inside a band, as the clip of a
 * rendering would (a path is reported whole when any of it is inside). */
static GArray *
clip_to_bands (const GArray *cands, const GArray *bands, gboolean horizontal)
{
  GArray *out = g_array_new (FALSE, FALSE, sizeof (GkRect));
  for (guint i = 0; i < cands->len; i++)
    {
      const GkRect *c = &g_array_index (cands, GkRect, i);
      for (guint b = 0; b < bands->len; b++)
        {
          const GkRect *band = &g_array_index (bands, GkRect, b);
          if (c->x1 < band->x0 || c->x0 > band->x1 || c->y1 < band->y0 || c->y0 > band->y1)
            continue;
          GkRect r = *c;
          if (horizontal)
            r.x0 = MAX (r.x0, band->x0), r.x1 = MIN (r.x1, band->x1);
          else
            r.y0 = MAX (r.y0, band->y0), r.y1 = MIN (r.y1, band->y1);
          g_array_append_val (out, r);
        }
    }
  return out;
}

static double
centre_across (const GkRect *r, gboolean horizontal)
{
  return horizontal ? (r->y0 + r->y1) / 2 : (r->x0 + r->x1) / 2;
}

static double
start_along (const GkRect *r, gboolean horizontal)
{
  return horizontal ? r->x0 : r->y0;
}

static int
by_centre_across (gconstpointer a, gconstpointer b, gpointer horizontal)
{
  double d = centre_across (a, GPOINTER_TO_INT (horizontal)) - centre_across (b, GPOINTER_TO_INT (horizontal));
  return (d > 0) - (d < 0);
}

static int
by_start_along (gconstpointer a, gconstpointer b, gpointer horizontal)
{
  double d = start_along (a, GPOINTER_TO_INT (horizontal)) - start_along (b, GPOINTER_TO_INT (horizontal));
  return (d > 0) - (d < 0);
}

/* Joins the pieces of one line (centres within GK_PDF_RULE_SAME_LINE_PT of
 * the previous piece's) that touch along it, and appends the joined rules
 * long enough to be rules. */
static int
join_pieces (GArray *pieces, gboolean horizontal, GArray *rules)
{
  g_array_sort_with_data (pieces, by_centre_across, GINT_TO_POINTER (horizontal));
  double min_length = horizontal ? GK_RULE_MIN_H_LENGTH_PT : GK_RULE_MIN_V_LENGTH_PT;
  int added = 0;
  for (guint start = 0; start < pieces->len;)
    {
      guint end = start + 1;
      while (end < pieces->len
             && centre_across (&g_array_index (pieces, GkRect, end), horizontal)
                  - centre_across (&g_array_index (pieces, GkRect, end - 1), horizontal) <= GK_PDF_RULE_SAME_LINE_PT)
        end++;
      GkRect *line = &g_array_index (pieces, GkRect, start);
      g_qsort_with_data (line, (gint) (end - start), sizeof (GkRect), by_start_along, GINT_TO_POINTER (horizontal));
      for (guint i = 0; i < end - start;)
        {
          GkRect r = line[i];
          guint j = i + 1;
          for (; j < end - start; j++)
            {
              const GkRect *p = &line[j];
              if (horizontal ? p->x0 > r.x1 + GK_PDF_RULE_JOIN_GAP_PT : p->y0 > r.y1 + GK_PDF_RULE_JOIN_GAP_PT)
                break;
              r = (GkRect) { MIN (r.x0, p->x0), MIN (r.y0, p->y0), MAX (r.x1, p->x1), MAX (r.y1, p->y1) };
            }
          double length = horizontal ? r.x1 - r.x0 : r.y1 - r.y0;
          double thickness = horizontal ? r.y1 - r.y0 : r.x1 - r.x0;
          if (length >= min_length && thickness <= GK_RULE_MAX_THICKNESS_PT)
            {
              g_array_append_val (rules, r);
              added++;
            }
          i = j;
        }
      start = end;
    }
  return added;
}

/* The observer and its image, made once and kept for the process: cairo
 * 1.16 frees no observer's callback entries, so one per page would leak
 * them.  Used only under the caller's rendering lock; a page larger than
 * every one before gets a larger pair (the old one stays, never freed). */
#define OBSERVER_MIN_SIDE_PT 1191.0   /* A3 either way up */

typedef struct {
  cairo_surface_t *image, *observer;
  double width_pt, height_pt;
  PathSink sink;
} Observer;

static GPtrArray *observers;   /* Observer*, the last the largest */

static Observer *
observer_for (double width_pt, double height_pt)
{
  Observer *last = observers && observers->len ? observers->pdata[observers->len - 1] : NULL;
  if (last && last->width_pt >= width_pt && last->height_pt >= height_pt)
    return last;
  Observer *o = g_new0 (Observer, 1);
  o->width_pt = MAX (MAX (width_pt, OBSERVER_MIN_SIDE_PT), last ? last->width_pt : 0);
  o->height_pt = MAX (MAX (height_pt, OBSERVER_MIN_SIDE_PT), last ? last->height_pt : 0);
  double s = GK_PDF_PATH_PX_PER_PT;
  o->image = cairo_image_surface_create (CAIRO_FORMAT_A8, (int) ceil (o->width_pt * s) + 1,
                                         (int) ceil (o->height_pt * s) + 1);
  o->observer = cairo_surface_create_observer (o->image, CAIRO_SURFACE_OBSERVER_NORMAL);
  o->sink.scale = s;
  if (cairo_surface_status (o->observer) != CAIRO_STATUS_SUCCESS
      || cairo_surface_observer_add_fill_callback (o->observer, on_fill, &o->sink) != CAIRO_STATUS_SUCCESS
      || cairo_surface_observer_add_stroke_callback (o->observer, on_stroke, &o->sink) != CAIRO_STATUS_SUCCESS
      || cairo_surface_observer_add_paint_callback (o->observer, on_image, &o->sink) != CAIRO_STATUS_SUCCESS
      || cairo_surface_observer_add_mask_callback (o->observer, on_image, &o->sink) != CAIRO_STATUS_SUCCESS)
    {
      cairo_surface_destroy (o->observer);
      cairo_surface_destroy (o->image);
      g_free (o);
      return NULL;
    }
  if (!observers)
    observers = g_ptr_array_new ();
  g_ptr_array_add (observers, o);
  return o;
}

int
gk_pdf_rules_from_paths (PopplerPage *ppage, const GArray *bands, GArray *rules, gboolean *images)
{
  if (images)
    *images = FALSE;
  if (bands->len == 0)
    return 0;
  double width, height;
  poppler_page_get_size (ppage, &width, &height);
  Observer *o = observer_for (width, height);
  if (!o)
    return -1;
  cairo_t *cr = cairo_create (o->observer);
  g_autoptr (GArray) horizontal = g_array_new (FALSE, FALSE, sizeof (GkRect));
  g_autoptr (GArray) vertical = g_array_new (FALSE, FALSE, sizeof (GkRect));
  o->sink = (PathSink) { cr, o->sink.scale, horizontal, vertical, FALSE };
  int added = -1;
  if (cairo_status (cr) == CAIRO_STATUS_SUCCESS)
    {
      cairo_scale (cr, o->sink.scale, o->sink.scale);
      for (guint b = 0; b < bands->len; b++)
        {
          const GkRect *r = &g_array_index (bands, GkRect, b);
          cairo_rectangle (cr, r->x0, r->y0, r->x1 - r->x0, r->y1 - r->y0);
        }
      cairo_clip (cr);
      /* for printing: the screen mode snaps strokes to device pixels (4 pt here) */
      poppler_page_render_for_printing (ppage, cr);
      if (cairo_status (cr) == CAIRO_STATUS_SUCCESS)
        {
          g_autoptr (GArray) h = clip_to_bands (horizontal, bands, TRUE);
          g_autoptr (GArray) v = clip_to_bands (vertical, bands, FALSE);
          added = join_pieces (h, TRUE, rules) + join_pieces (v, FALSE, rules);
        }
    }
  if (images)
    *images = o->sink.saw_image;
  o->sink = (PathSink) { NULL, o->sink.scale, NULL, NULL, FALSE };
  cairo_destroy (cr);
  return added;
}

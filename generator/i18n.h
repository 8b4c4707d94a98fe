/* i18n.h: messages in the user's language (gettext, text domain "kansa").
 *
 * Every message, usage text and option help is written in English and
 * marked: _("...") where it is used, N_("...") where it is only stored
 * (tables; translated with _() when printed).  po/kansa.pot is made from
 * these marks by xgettext (make pot); po/ja.po translates it.  The
 * documents kansa writes (workbooks, PDFs) are Japanese already and are
 * never translated.
 */
#ifndef KANSA_I18N_H
#define KANSA_I18N_H

#include <libintl.h>

#define _(s)  gettext(s)
#define N_(s) (s)

/*
 * Sets the locale from the environment for messages and character
 * classes only (numbers and sorting stay "C", so outputs are the same
 * under every locale), and binds the text domain to i18n_locale_dir().
 */
void i18n_init(void);

/*
 * Where the catalogues are: BINDIR/locale when that folder exists (the
 * build tree: build/kansa and build/locale), else BINDIR/../share/locale
 * (an installed kansa, whatever PREFIX it was compiled with), else the
 * folder compiled in (KANSA_LOCALEDIR).
 */
const char *i18n_locale_dir(void);

#endif

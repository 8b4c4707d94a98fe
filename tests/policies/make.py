#!/usr/bin/env python3
"""tests/policies/make.py: writes the test policies, one per numbering
style, and the items each must derive (ID, role, level, text).

The policies are one content written out in six numbering styles.  The
expected items are worked out here from that content and from how each
style cites its clauses, by rules written down by hand below; nothing
here runs kansa.  Run it after changing the content, then review the
diff of the .txt and .expected.tsv files: they are what the tests read.
"""
import os

DEFAULT = "議員及び職員"

# The content: chapters -> sections -> paragraphs.  A paragraph is
# ("ob", text) or ("list", intro, [items]); an item is ("ob", text) or
# ("sub", text, [subitem texts]).  Roles come from the subject before
# は、 (the role table of kansa's built-in default).
DOC = [
    ("組織体制", [
        ("推進体制", [
            ("ob", "CISOは、情報セキュリティ対策の実施状況を毎年度確認しなければならない。"),
            ("ob", "情報セキュリティ責任者は、CISOを補佐しなければならない。"),
            ("list", "情報セキュリティ管理者は、次の事項を実施しなければならない。", [
                ("ob", "所管する情報資産の一覧を作成する。"),
                ("ob", "情報資産の分類を見直す。"),
                ("ob", "事故の報告を受け付ける。"),
            ]),
        ]),
        ("兼務の禁止", [
            ("ob", "承認の申請を行う者とその承認者は、同じ者が兼務してはならない。"),
            ("ob", "監査を受ける者とその監査を行う者は、同じ者が兼務してはならない。"),
        ]),
    ]),
    ("情報資産の管理", [
        ("管理責任", [
            ("ob", "情報セキュリティ管理者は、所管する情報資産の管理責任を負わなければならない。"),
            ("ob", "情報資産を複製した場合には、複製した情報資産も同様に管理しなければならない。"),
            ("ob", "情報資産の分類に応じた取扱いを行うことが望ましい。"),
        ]),
        ("情報資産の取扱い", [
            ("list", "情報システム管理者は、次の事項を守らなければならない。", [
                ("sub", "記録媒体を施錠できる場所に保管しなければならない。", [
                    "機密性の高い記録媒体は、耐火金庫に保管しなければならない。",
                    "保管の記録を一年間保存しなければならない。",
                ]),
                ("ob", "記録媒体を廃棄するときは、情報を復元できないよう消去する。"),
                ("ob", "持ち出しの記録を作成する。"),
            ]),
            ("ob", "業務以外の目的で情報資産を利用してはならない。"),
            ("ob", "情報資産を外部に持ち出す場合には、情報セキュリティ管理者の許可を得なければならない。"),
        ]),
    ]),
    ("物理的セキュリティ", [
        ("サーバ等の管理", [
            ("ob", "情報システム管理者は、サーバを耐震対策の施された場所に設置しなければならない。"),
            ("ob", "情報システム管理者は、サーバの予備電源を確保しなければならない。"),
            ("ob", "情報システム管理者は、通信ケーブルの損傷を防止するための措置を講じることが望ましい。"),
        ]),
        ("管理区域の管理", [
            ("list", "情報システム管理者は、管理区域について次の事項を実施しなければならない。", [
                ("ob", "入退室を記録する。"),
                ("ob", "監視カメラを設置する。"),
                ("ob", "搬入物を確認する。"),
            ]),
            ("ob", "管理区域に入室する者は、身分証明書を携帯しなければならない。"),
        ]),
    ]),
    ("人的セキュリティ", [
        ("遵守事項", [
            ("ob", "情報セキュリティ対策基準を遵守しなければならない。"),
            ("ob", "パソコンを離席時に施錠しなければならない。"),
            ("ob", "パスワードを他者に知られないように管理しなければならない。"),
            ("ob", "不審な電子メールを受信した場合には、開封せずに報告しなければならない。"),
        ]),
        ("研修及び訓練", [
            ("ob", "CISOは、情報セキュリティに関する研修を毎年度実施しなければならない。"),
            ("ob", "情報セキュリティ責任者は、研修の受講状況を確認しなければならない。"),
            ("ob", "研修に参加しなければならない。"),
            ("ob", "CISOは、緊急時対応訓練を実施することが望ましい。"),
        ]),
    ]),
    ("技術的セキュリティ", [
        ("アクセス制御", [
            ("ob", "情報システム管理者は、利用者の登録及び抹消の手順を定めなければならない。"),
            ("ob", "情報システム管理者は、不要になった利用者IDを速やかに削除しなければならない。"),
            ("ob", "情報システム担当者は、特権IDの利用を記録しなければならない。"),
            ("list", "情報システム担当者は、次の事項を確認しなければならない。", [
                ("ob", "ログが取得されている。"),
                ("ob", "ログが改ざんされていない。"),
                ("ob", "ログが一定期間保存されている。"),
            ]),
        ]),
        ("外部委託", [
            ("ob", "情報セキュリティ管理者は、委託事業者を選定する際に情報セキュリティ対策を確認しなければならない。"),
            ("ob", "委託事業者は、契約に定めた情報セキュリティ要件を遵守しなければならない。"),
            ("ob", "情報セキュリティ管理者は、委託事業者の対策の実施状況を定期的に確認しなければならない。"),
            ("ob", "情報セキュリティ管理者は、委託事業者に対し、再委託の制限を求めることが望ましい。"),
        ]),
        ("秘密の保持", [
            ("ob", "委託事業者は、業務上知り得た情報を漏らしてはならない。"),
        ]),
    ]),
]

ROLES = ["CISO", "副CISO", "情報セキュリティ責任者", "情報セキュリティ管理者",
         "情報システム管理者", "情報システム担当者", "議員及び職員",
         "委託事業者", "議会CSIRT", "情報セキュリティ監査統括責任者"]
KATA = "アイウエオカキクケコサシスセソ"
IROHA = "イロハニホヘトチリヌルヲ"
CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"


def subject(text, inherited):
    """The role before は、 when the text starts with one, else inherited."""
    head = text.split("は、")[0] if "は、" in text else ""
    return head if head in ROLES else inherited


def level(text):
    return "推奨" if "望ましい" in text else "必須"


class Style:
    """How one style writes and cites each level."""
    name = ""
    def chapter(self, i, title): ...
    def section(self, i, j, title): ...


def emit(style):
    """Returns (policy text, expected rows) of DOC written in style."""
    lines = [style.preamble, ""]
    rows = []
    art = 0
    for ci, (ctitle, sections) in enumerate(DOC, 1):
        lines += style.chapter(ci, ctitle)
        for si, (stitle, paras) in enumerate(sections, 1):
            art += 1
            lines += style.section(ci, si, art, stitle, paras)
            single = len(paras) == 1
            for pi, para in enumerate(paras, 1):
                pid, pline = style.para(ci, si, art, pi, para[1], single)
                lines += pline
                if para[0] == "ob":
                    rows.append((pid, subject(para[1], DEFAULT),
                                 level(para[1]), para[1]))
                    continue
                role = subject(para[1], DEFAULT)
                lv = level(para[1])
                for ii, item in enumerate(para[2], 1):
                    iid, iline = style.item(pid, ii, item[1])
                    lines += iline
                    irole = subject(item[1], role)
                    rows.append((iid, irole, lv, item[1]))
                    if item[0] == "sub":
                        for ki, sub in enumerate(item[2], 1):
                            kid, kline = style.sub(iid, ki, sub)
                            lines += kline
                            rows.append((kid, subject(sub, irole),
                                         level(sub), sub))
    return "\n".join(lines) + "\n", rows


class Council(Style):
    """1 / 5-1 / (1) / ア / (ア): the council's own form."""
    name = "council"
    preamble = "架空市議会情報セキュリティ対策基準(以下「対策基準」という。)は、次のとおり定める。"
    def chapter(self, i, t): return [f"{i} {t}"]
    def section(self, i, j, a, t, paras): return [f"{i}-{j} {t}"]
    def para(self, i, j, a, k, text, single):
        return f"{i}-{j}({k})", [f"({k}) {text}"]
    def item(self, pid, n, text): return pid + KATA[n-1], [f"{KATA[n-1]} {text}"]
    def sub(self, iid, n, text): return iid + f"({KATA[n-1]})", [f"({KATA[n-1]}) {text}"]


class Dai(Style):
    """第N / N / (N) / ア / (ア), numbers starting again under each parent."""
    name = "dai"
    preamble = "架空区情報セキュリティ対策基準(以下「対策基準」という。)"
    def chapter(self, i, t): return ["", f"第{i} {t}"]
    def section(self, i, j, a, t, paras): return [f"{j} {t}"]
    def para(self, i, j, a, k, text, single):
        return f"第{i}-{j}({k})", [f"({k}) {text}"]
    def item(self, pid, n, text): return pid + KATA[n-1], [f"{KATA[n-1]} {text}"]
    def sub(self, iid, n, text): return iid + f"({KATA[n-1]})", [f"({KATA[n-1]}) {text}"]


class Jourei(Style):
    """第N章 / 第N条 / 項 (2, 3 ...) / 号 ((1)) / イロハ: the 例規 form."""
    name = "jourei"
    preamble = "架空町情報セキュリティ規程(以下「規程」という。)"
    def chapter(self, i, t): return ["", f"第{i}章 {t}"]
    def section(self, i, j, a, t, paras):
        self.single = len(paras) == 1
        return [f"({t})"]
    def para(self, i, j, a, k, text, single):
        base = f"第{a}条" if single else f"第{a}条第{k}項"
        if k == 1:
            return base, [f"第{a}条 {text}"]
        return base, [f"{k} {text}"]
    def item(self, pid, n, text): return pid + f"第{n}号", [f"({n}) {text}"]
    def sub(self, iid, n, text): return iid + IROHA[n-1], [f"{IROHA[n-1]} {text}"]


class Guideline(Style):
    """N / (N) / ① / ア: the form of the 総務省 guideline."""
    name = "guideline"
    preamble = "架空市情報セキュリティ対策基準(以下「対策基準」という。)"
    def chapter(self, i, t): return [f"{i}. {t}"]
    def section(self, i, j, a, t, paras): return [f"({j}) {t}"]
    def para(self, i, j, a, k, text, single):
        return f"{i}({j}){CIRCLED[k-1]}", [f"{CIRCLED[k-1]}{text}"]
    def item(self, pid, n, text): return pid + KATA[n-1], [f"{KATA[n-1]} {text}"]
    def sub(self, iid, n, text): return iid + f"({KATA[n-1]})", [f"({KATA[n-1]}) {text}"]


class Decimal(Style):
    """N. / N.N / N.N.N / (N)."""
    name = "decimal"
    preamble = "架空村情報セキュリティ基準(以下「基準」という。)"
    def chapter(self, i, t): return [f"{i}. {t}"]
    def section(self, i, j, a, t, paras): return [f"{i}.{j} {t}"]
    def para(self, i, j, a, k, text, single):
        return f"{i}.{j}.{k}", [f"{i}.{j}.{k} {text}"]
    def item(self, pid, n, text): return pid + f"({n})", [f"({n}) {text}"]
    def sub(self, iid, n, text): return iid + KATA[n-1], [f"{KATA[n-1]} {text}"]


class Bullets(Style):
    """1 / 1-1 / (1) with ・ and - bullets as the listed items."""
    name = "bullets"
    preamble = "架空広域連合情報セキュリティ対策基準(以下「対策基準」という。)"
    def chapter(self, i, t): return [f"{i} {t}"]
    def section(self, i, j, a, t, paras): return [f"{i}-{j} {t}"]
    def para(self, i, j, a, k, text, single):
        self.bullet = "・" if k % 2 else "-"
        return f"{i}-{j}({k})", [f"({k}) {text}"]
    def item(self, pid, n, text): return pid + f"・{n}", [f"{self.bullet} {text}"]
    def sub(self, iid, n, text): return iid + KATA[n-1], [f"  {KATA[n-1]} {text}"]


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    for st in (Council(), Dai(), Jourei(), Guideline(), Decimal(), Bullets()):
        text, rows = emit(st)
        assert len(rows) >= 40, (st.name, len(rows))
        assert len({r[0] for r in rows}) == len(rows), st.name
        with open(os.path.join(here, st.name + ".txt"), "w") as f:
            f.write(text)
        with open(os.path.join(here, st.name + ".expected.tsv"), "w") as f:
            f.write("id\troles\tlevel\ttext\n")
            for r in rows:
                f.write("\t".join(r) + "\n")


if __name__ == "__main__":
    main()

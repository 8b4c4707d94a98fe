#!/usr/bin/env python3
"""Makes the demo dataset in examples/: a fictional council's answer sheets
and evidence registers for fiscal years 2024 and 2025.

usage: tools/make-examples.py KANSA   (run from the repository root)

The sheets start as `kansa template` writes them and are filled the way
respondents do: one is saved in Shift_JIS with CRLF (an Excel export) and
one with a BOM (Notepad).  The statuses follow a story: most items are
met, some improve from 2024 to 2025, some decline, a few gaps persist.
Everything is deterministic: running it again gives the same files.
"""
import os
import random
import re
import shutil
import struct
import subprocess
import sys
import tempfile
import zlib

KANSA = os.path.abspath(sys.argv[1])
ROOT = os.getcwd()
OUT = os.path.join(ROOT, "examples")

# (department, role, system, respondent, encoding)
RESPONDENTS = [
    ("議会", "CISO", "", "水戸 一郎", "utf-8"),
    ("議会事務局", "情報セキュリティ責任者", "", "佐藤 健", "utf-8"),
    ("議会事務局総務課", "情報セキュリティ管理者", "", "鈴木 恵子", "utf-8"),
    ("議会事務局総務課", "情報システム管理者", "タブレット端末", "高橋 誠", "utf-8-sig"),
    ("議会事務局総務課", "情報システム管理者", "グループウェア", "田中 裕子", "utf-8"),
    ("議会事務局議事調査課", "情報システム管理者", "会議録検索システム", "伊藤 淳", "utf-8"),
    ("議会事務局議事調査課", "情報システム管理者", "議会中継システム", "渡辺 亮", "utf-8"),
    ("議会事務局議事調査課", "情報システム担当者", "会議録検索システム", "山本 直子", "utf-8"),
    ("議会事務局総務課", "議員及び職員", "", "中村 大輔", "utf-8"),
    ("議会事務局議事調査課", "議員及び職員", "", "小林 美穂", "cp932"),
    ("議員", "議員及び職員", "", "加藤 正樹 (会派代表者会議)", "utf-8"),
    ("株式会社みとシステムサービス", "委託事業者", "会議録検索システム", "吉田 拓也", "utf-8"),
    ("議会事務局総務課", "議会CSIRT", "", "山田 由美", "utf-8"),
    ("市長公室デジタルイノベーション課", "情報セキュリティ監査統括責任者", "", "佐々木 聡", "utf-8"),
]

SLUG = {"CISO": "ciso", "情報セキュリティ責任者": "security-chief",
        "情報セキュリティ管理者": "security-manager", "情報システム管理者": "sys-admin",
        "情報システム担当者": "sys-staff", "議員及び職員": "members-staff",
        "委託事業者": "contractor", "議会CSIRT": "csirt",
        "情報セキュリティ監査統括責任者": "audit-chief"}
SYSTEM_SLUG = {"タブレット端末": "tablet", "グループウェア": "groupware",
               "会議録検索システム": "minutes", "議会中継システム": "broadcast", "": ""}
DEPT_SLUG = {"議会": "gikai", "議会事務局": "jimukyoku", "議会事務局総務課": "somu",
             "議会事務局議事調査課": "gijichosa", "議員": "giin",
             "株式会社みとシステムサービス": "itaku",
             "市長公室デジタルイノベーション課": "dx"}

# The story: (year, department, system, item) -> (status, comment)
STORY = {
    # improvements from 2024 to 2025
    (2024, "議会事務局総務課", "タブレット端末", "5-4(2)"): ("未実施", "パスワードのみで認証している。多要素認証は来年度導入予定"),
    (2025, "議会事務局総務課", "タブレット端末", "5-4(2)"): ("実施", "2025年6月に生体認証を併用する多要素認証を導入"),
    (2024, "議会事務局総務課", "", "6-4(2)キ"): ("未実施", "一部の端末でブラウザのパスワード保存が有効"),
    (2025, "議会事務局総務課", "", "6-4(2)キ"): ("実施", "グループポリシーでパスワード保存を無効化"),
    (2024, "議会事務局", "", "7-1(13)ア"): ("一部実施", "来庁者用無線LANがWPA2-PSKのまま"),
    (2025, "議会事務局", "", "7-1(13)ア"): ("実施", "WPA3-Enterpriseへ移行済み"),
    # declines
    (2024, "議会事務局議事調査課", "議会中継システム", "7-1(6)ア"): ("実施", "ログを3か月保存"),
    (2025, "議会事務局議事調査課", "議会中継システム", "7-1(6)ア"): ("一部実施", "機器更新後、ログの保存が2週間に短縮されている"),
    (2024, "議会事務局", "", "7-4(1)オ"): ("実施", "パターンファイルは自動更新"),
    (2025, "議会事務局", "", "7-4(1)オ"): ("未実施", "ゲートウェイのライセンス切れで2025年8月以降更新停止"),
    # persistent gaps
    (2024, "議会事務局議事調査課", "会議録検索システム", "7-1(6)ウ"): ("未実施", "ログの定期点検の体制がない"),
    (2025, "議会事務局議事調査課", "会議録検索システム", "7-1(6)ウ"): ("未実施", "改善計画の担当者異動により未着手"),
    (2024, "市長公室デジタルイノベーション課", "", "10-1(3)"): ("未実施", "委託事業者への監査は未実施"),
    (2025, "市長公室デジタルイノベーション課", "", "10-1(3)"): ("一部実施", "書面による確認のみ実施"),
    (2024, "議会事務局総務課", "", "9(1)ウ"): ("一部実施", "定期確認の記録様式がない"),
    (2025, "議会事務局総務課", "", "9(1)ウ"): ("一部実施", "記録様式を作成したが運用は一部"),
    # does not apply
    (2024, "議会事務局総務課", "グループウェア", "7-1(9)"): ("該当なし", "外部の者が利用できる機能はない"),
    (2025, "議会事務局総務課", "グループウェア", "7-1(9)"): ("該当なし", "外部の者が利用できる機能はない"),
    (2025, "議会事務局議事調査課", "議会中継システム", "7-3(3)エ"): ("該当なし", "自組織でのウェブアプリケーション開発はない"),
}

COMMENTS = {
    "一部実施": ["手順書はあるが周知が一部にとどまる", "記録の一部が未整備",
                "対象機器の一部で未対応", "年度内に残りを対応予定"],
    "未実施": ["担当者不足のため未対応", "予算措置待ち", "手順が定められていない"],
    "該当なし": ["対象となる機器・システムがない"],
}

# evidence: (id suffix, title, file, clauses)
EVIDENCE = [
    ("001", "情報セキュリティ実施手順(議会事務局)", "規程/実施手順.txt", "6-1(1)ア, 6-1(2), 7-3(6)ア(イ)"),
    ("002", "研修実施記録", "記録/研修実施記録.txt", "6-2(1), 6-2(2)イ, 6-2(2)エ, 6-2(4)"),
    ("003", "グループポリシー設定画面(パスワード保存)", "画面/gpo-password.png", "6-4(2)キ"),
    ("004", "入退室管理簿(情報システム室)", "記録/入退室管理簿.txt", "5-2(2)ア, 5-2(2)ウ"),
    ("005", "バックアップ取得記録", "記録/バックアップ記録.txt", "7-1(2)ア, 7-1(2)イ, 7-1(2)ウ"),
    ("006", "ログ保存設定(会議録検索システム)", "画面/log-settings.png", "7-1(6)ア, 7-1(6)イ"),
    ("007", "ウイルス対策ソフト管理画面", "画面/antivirus.png", "7-4(1)エ, 7-4(1)オ, 7-4(2)ア, 7-4(2)イ"),
    ("008", "委託契約書(会議録検索システム保守)", "契約/保守契約書.txt", "9(1)イ, 5-2(2)イ"),
    ("009", "多要素認証設定(タブレット端末)", "画面/mfa.png", "5-4(2), 4(1)イ(ア)"),
    ("010", "障害記録簿", "記録/障害記録簿.txt", "7-1(7)"),
    ("011", "緊急時対応計画", "規程/緊急時対応計画.txt", "8-3(1), 8-3(2)ア, 8-3(2)イ, 8-3(2)ウ, 8-3(2)エ"),
    ("012", "無線LAN設定", "画面/wlan.png", "7-1(13)ア"),
    ("013", "アクセス権限一覧", "記録/アクセス権限一覧.txt", "7-2(1)ア, 7-2(1)イ(エ), 7-2(1)ウ(ア)"),
    ("014", "監査実施計画", "記録/監査計画.txt", "10-1(1), 10-1(2)ア, 10-1(5)"),
    ("015", "自己点検結果報告", "記録/自己点検報告.txt", "10-2(1)ア, 10-2(1)イ, 10-2(2)イ"),
]


AUDIT_2024 = """; 令和6年度 情報セキュリティ監査 監査結果 (監査統括責任者)
[kansa]
kind = audit
fiscal_year = 2024
auditor = 佐々木 聡
auditors = 佐々木 聡, 井上 和也
auditor_1 = 佐々木 聡 / 情報セキュリティ監査統括責任者 / 市長公室デジタルイノベーション課
auditor_2 = 井上 和也 / 監査担当 / 市長公室デジタルイノベーション課
audit_kind = 内部監査（定期監査）
departments = 議会事務局、議会事務局総務課、議会事務局議事調査課、議員、委託事業者（株式会社みとシステムサービス）
systems = 会議録検索システム、タブレット端末、グループウェア、議会中継システム
audited_on = 2025-01-24
period = 2024-11-05〜2025-01-24
scope = 水戸市議会情報セキュリティ対策基準の全項目
method = 自己点検結果の閲覧、関係者へのヒアリング、情報システム室の視察、設定確認
opinion = 対策基準の多くの事項は実施されているが、タブレット端末の多要素認証と会議録検索システムのログの点検について重大な不適合があり、改善計画を策定して是正を図ることを求める。
notes = 前年度の改善計画の進捗は概ね良好である。

[7-1(6)ウ]
judgement = 重大な不適合
finding = 会議録検索システムのログは取得されているが、定期的な点検・分析が行われていない。
cause = 点検の手順と担当が定められていない。
impact = 不正アクセスを発見できないおそれがある。
recommendation = 点検の手順と頻度を定め、点検の記録を残すこと。
urgency = 通常
reply = KP-2024-001

[5-4(2)]
judgement = 重大な不適合
finding = タブレット端末へのログインがパスワードのみで行われている。
cause = 多要素認証に対応した端末管理の仕組みが導入されていない。
impact = パスワードの漏えいにより端末が不正に利用されるおそれがある。
recommendation = 生体認証等を併用する多要素認証を導入すること。
urgency = 緊急
reply = KP-2024-002

[4(1)イ(イ)]
judgement = 軽微な不適合
reason = 未実施の回答は手順書の改訂待ちによるもので、措置自体は暫定手順で行われていることを確認した。
reply = 了承

[5-1(3)ウ]
judgement = 重大な不適合
reply = 了承

[6-1(1)ウ(イ)]
judgement = 重大な不適合
reply = 了承

[6-2(4)]
judgement = 軽微な不適合
reason = 研修は実施済みで、受講記録の一部が欠けていたにとどまる。
reply = 了承

[6-4(2)キ]
judgement = 重大な不適合
reply = 了承

[7-1(17)ア]
judgement = 重大な不適合
reply = 了承

[7-2(1)イ(ウ)]
judgement = 重大な不適合
reply = 了承

[7-3(7)イ(ウ)]
judgement = 重大な不適合
reply = 了承

[8-2(3)ア]
judgement = 軽微な不適合
reason = 代替手段による報告経路が機能していることを確認した。
reply = 了承

[10-1(2)ア]
judgement = 重大な不適合
reply = 了承

[10-1(3)]
judgement = 重大な不適合
reply = 了承

[2(7)キ]
judgement = 軽微な不適合
reply = 了承

[3(2)カ(イ)]
judgement = 軽微な不適合
reply = 了承

[5-1(5)]
judgement = 軽微な不適合
reply = 了承

[6-1(1)キ]
judgement = 軽微な不適合
reply = 了承

[6-2(2)ア]
judgement = 軽微な不適合
reply = 了承

[7-1(13)ア]
judgement = 軽微な不適合
reply = 了承

[7-2(1)ウ(イ)]
judgement = 軽微な不適合
reply = 了承

[7-3(2)ア]
judgement = 軽微な不適合
reply = 了承

[7-3(3)ウ(イ)]
judgement = 軽微な不適合
reply = 了承

[7-3(7)イ(イ)]
judgement = 軽微な不適合
reply = 了承

[7-3(10)]
judgement = 棄却
reason = ヒアリングにより実施を確認した（回答の記載誤り）。

[7-6(7)]
judgement = 軽微な不適合
reply = 了承

[8-3(2)イ]
judgement = 軽微な不適合
reply = 了承

[8-5イ]
judgement = 軽微な不適合
reply = 了承

[9(1)ウ]
judgement = 軽微な不適合
reply = 了承

[9(2)ア(サ)]
judgement = 軽微な不適合
reply = 了承
"""

AUDIT_2025 = """; 令和7年度 情報セキュリティ監査 監査結果 (監査統括責任者)
; 規則による指摘の候補 (kansa findings --candidates) のすべてを判定した。
[kansa]
kind = audit
fiscal_year = 2025
auditor = 佐々木 聡
auditors = 佐々木 聡, 井上 和也, 木村 早苗
auditor_1 = 佐々木 聡 / 情報セキュリティ監査統括責任者 / 市長公室デジタルイノベーション課
auditor_2 = 井上 和也 / 監査担当 / 市長公室デジタルイノベーション課
auditor_3 = 木村 早苗 / 監査担当 / 総務部行政経営課
audit_kind = 内部監査（定期監査）
criteria = 水戸市議会情報セキュリティ対策基準（令和6年版）及び同基準に基づく実施手順
departments = 議会事務局、議会事務局総務課、議会事務局議事調査課、議員、委託事業者（株式会社みとシステムサービス）
systems = 会議録検索システム、タブレット端末、グループウェア、議会中継システム
exclusions = 市長部局が管理する庁内ネットワーク基盤（市の情報セキュリティ監査の対象）
as_of = 2026-01-31
audited_on = 2026-01-23
period = 2025-11-04〜2026-01-23
scope = 水戸市議会情報セキュリティ対策基準の全項目
method = 自己点検結果の閲覧、関係者へのヒアリング、情報システム室の視察、設定確認
opinion = 水戸市議会の情報セキュリティ対策は、対策基準の多くの事項について実施されているが、重大な不適合が2件あり、是正を要する。会議録検索システムのログの定期点検は前年度に続き行われておらず、前年度の改善計画 KP-2024-001 は期限を過ぎている。また、インターネットゲートウェイのウイルス対策のパターンファイルが更新されていない状態が続いていた。
opinion.2 = いずれも外部からの攻撃や不正アクセスを発見できないおそれがあり、CISO において改善計画の見直しと早期の対応を指示されたい。軽微な不適合は主に手順や記録の不備であり、担当部署において改善計画を策定し、計画的に是正することを求める。前年度の指摘事項は、多要素認証の導入など多くが改善された。
notes = 委託事業者への監査（10-1(3)）は書面確認にとどまっており、次年度は実地監査を計画すること。

; --- 重大な不適合・軽微な不適合（判定済み） ---

[7-1(6)ウ]
judgement = 重大な不適合
finding = 会議録検索システムのログの定期的な点検が、前年度に続き行われていない。
cause = 前年度の改善計画 KP-2024-001 が、担当者の異動により着手されないまま期限を過ぎた。
impact = 不正アクセスや不正操作が行われても発見できず、被害の拡大や原因の特定の遅れにつながるおそれがある。
recommendation = 点検の手順と頻度を定め、月次の点検記録を情報セキュリティ管理者が確認すること。
departments = 議会事務局議事調査課
system = 会議録検索システム
urgency = 緊急
reply = KP-2024-001 期限を令和8年6月30日に改め、4月から月次点検を開始する。
examined = EV-2025-006
audited_by = 井上 和也
examined_on = 2026-01-14

[7-4(1)オ]
judgement = 重大な不適合
finding = インターネットゲートウェイのウイルス対策のパターンファイルが令和7年8月以降更新されていない。
cause = ライセンスの更新期限が管理されていなかった。
impact = 新しい不正プログラムを検知できず、庁内端末への感染や情報漏えいにつながるおそれがある。
recommendation = 直ちにライセンスを更新し、期限を台帳で管理すること。
departments = 議会事務局
urgency = 緊急
reply = KP-2025-001
audited_by = 井上 和也
examined_on = 2026-01-16

[10-1(3)]
judgement = 軽微な不適合
finding = 委託事業者に対する監査が書面による確認のみである。
cause = 実地監査の計画がない。
impact = 委託先での情報の取扱いの不備を把握できないおそれがある。
recommendation = 委託契約に監査への協力を明記し、実地監査を計画すること。
departments = 市長公室デジタルイノベーション課
urgency = 通常
reply = 了承
examined = EV-2025-014
audited_by = 木村 早苗
examined_on = 2026-01-20

; --- 規則による候補（軽微な不適合）の判定 ---

[3(2)ウ(ア)]
judgement = 棄却
reason = ヒアリングの結果、一部実施の回答は個人用の作業メモを指すもので、業務上必要な範囲にとどまり対策基準に反しないことを確認した。
audited_by = 井上 和也

[3(2)オ(ア)]
judgement = 軽微な不適合
finding = 議事調査課の共用端末で、業務外のウェブサイトの閲覧履歴が確認された。
cause = 業務外利用の禁止が職員に周知されていない。
impact = 不正プログラムへの感染や情報漏えいの契機となるおそれがある。
recommendation = 業務外利用の禁止を研修で周知し、閲覧制限の設定を検討すること。
departments = 議会事務局議事調査課
urgency = 通常
reply = 了承
audited_by = 木村 早苗
examined_on = 2026-01-15

[4(3)ア]
judgement = 推奨事項
reason = 通信の監視は市の基盤で行われており、議会独自の監視機能は推奨にとどまると判断した。
finding = 議員用端末の通信について、議会として監視結果を確認していない。
cause = 監視結果の共有を市に求めていない。
impact = 不正通信の発見が遅れるおそれがある。
recommendation = 市の監視結果のうち議会に関するものの定期的な共有を求めること。
departments = 議員
urgency = 通常
reply = 了承
audited_by = 井上 和也
examined_on = 2026-01-19

[5-1(6)]
judgement = 軽微な不適合
finding = 議会中継システムの更新で返却したリース機器について、データ消去の証明書を受領していない。
cause = 返却手続に消去証明の受領が定められていない。
impact = 返却機器から会議映像の原本や設定情報が流出するおそれがある。
recommendation = リース返却時の消去証明の受領を手順に加え、過去分を事業者に確認すること。
departments = 議会事務局議事調査課
system = 議会中継システム
urgency = 通常
reply = 了承
audited_by = 井上 和也
examined_on = 2026-01-14

[6-1(1)イ]
judgement = 軽微な不適合
finding = 業務用メールアドレスが業務外のサービスの登録に使われていた例がある。
cause = 業務外利用の範囲が具体的に示されていない。
impact = なりすましメールや情報漏えいの契機となるおそれがある。
recommendation = 業務外利用に当たる例を示して周知すること。
departments = 議会事務局総務課
urgency = 通常
reply = 了承
audited_by = 木村 早苗
examined_on = 2026-01-15

[7-1(1)ア]
judgement = 軽微な不適合
finding = 文書サーバの容量の上限は設定されているが、職員に周知されていない。
cause = 設定変更時の周知手順がない。
impact = 容量不足による業務の停止や、個人端末への保存を招くおそれがある。
recommendation = 上限と整理の方法を周知すること。
departments = 議会事務局総務課
system = グループウェア
urgency = 通常
reply = 了承
audited_by = 井上 和也
examined_on = 2026-01-13

[7-1(2)ア]
judgement = 軽微な不適合
finding = タブレット端末の一部で、業務に不要なアプリケーションの導入が制限されていない。
cause = 端末管理の設定が一部の端末に適用されていない。
impact = 不正なアプリケーションの導入により情報が流出するおそれがある。
recommendation = 全端末に導入制限の設定を適用し、適用状況を定期的に確認すること。
departments = 議会事務局総務課
system = タブレット端末
urgency = 通常
reply = 了承
audited_by = 井上 和也
examined_on = 2026-01-13

[7-1(2)ウ]
judgement = 軽微な不適合
finding = グループウェアと会議録検索システムで、退職者の利用者IDの削除が遅れていた。
cause = 人事異動の情報がシステム管理者に届く手順がない。
impact = 不要なIDが不正に利用されるおそれがある。
recommendation = 異動・退職の情報を管理者に通知する手順を定めること。
departments = 議会事務局総務課、議会事務局議事調査課
system = グループウェア、会議録検索システム
urgency = 通常
reply = 了承
audited_by = 井上 和也
examined_on = 2026-01-14

[7-1(5)]
judgement = 軽微な不適合
finding = タブレット端末のバックアップの取得は行われているが、復元の確認が行われていない。
cause = 復元手順が定められていない。
impact = 障害時に業務データを復元できないおそれがある。
recommendation = 年1回以上、復元の確認を行い記録すること。
departments = 議会事務局総務課
system = タブレット端末
urgency = 通常
reply = 了承
audited_by = 井上 和也
examined_on = 2026-01-13

[7-1(6)ア]
judgement = 軽微な不適合
finding = 議会中継システムのログの保存期間が、定められた期間より短く設定されていた。
cause = システム更新時に設定が初期値に戻った。
impact = 障害や不正の調査に必要なログが失われるおそれがある。
recommendation = 保存期間を設定し直し、更新時の設定確認項目に加えること。
departments = 議会事務局議事調査課
system = 議会中継システム
urgency = 通常
reply = 了承
examined = EV-2025-006
audited_by = 井上 和也
examined_on = 2026-01-14

[7-1(6)イ]
judgement = 軽微な不適合
finding = 会議録検索システムのログは取得されているが、改ざん防止の措置がとられていない。
cause = ログの保管方法が定められていない。
impact = 不正の痕跡が消去され、原因を特定できないおそれがある。
recommendation = ログを書換えのできない媒体又は別サーバに保管すること。
departments = 議会事務局議事調査課
system = 会議録検索システム
urgency = 通常
reply = 7-1(6)ウの改善計画 KP-2024-001 に含めて対応する。
audited_by = 井上 和也
examined_on = 2026-01-14

[7-1(7)]
judgement = 棄却
reason = 障害記録簿（EV-2025-010）により、本年度の障害がすべて記録され、対応が報告されていることを確認した。一部実施の回答は記録様式の改訂中であったためである。
audited_by = 井上 和也

[7-1(10)ウ]
judgement = 軽微な不適合
finding = タブレット端末からのファイルの外部送信について、送信先の制限が設定されていない。
cause = 端末管理の設定が不十分である。
impact = 誤送信や不正な持ち出しによる情報漏えいのおそれがある。
recommendation = 送信先の制限を設定すること。
departments = 議会事務局総務課
system = タブレット端末
urgency = 通常
reply = 了承
audited_by = 井上 和也
examined_on = 2026-01-13

[7-1(10)エ(ア)]
judgement = 軽微な不適合
finding = 外部記録媒体の使用許可の記録が一部残されていない。
cause = 許可の記録様式が定められていない。
impact = 媒体の紛失時に、持ち出された情報を特定できないおそれがある。
recommendation = 使用許可の記録様式を定め、台帳で管理すること。
departments = 議会事務局
urgency = 通常
reply = 了承
audited_by = 木村 早苗
examined_on = 2026-01-16

[7-1(14)ウ]
judgement = 推奨事項
reason = 無線LANの利用は来庁者用に限られ、業務用ネットワークとは分離されていることから、影響は限定的と判断した。
finding = 来庁者用無線LANの接続記録が保存されていない。
cause = 保存の要否が検討されていない。
impact = 不正利用があった場合に利用者を特定できない。
recommendation = 接続記録の保存について検討すること。
departments = 議会事務局
urgency = 通常
reply = 了承
examined = EV-2025-012
audited_by = 井上 和也
examined_on = 2026-01-16

[7-2(1)イ(ウ)]
judgement = 軽微な不適合
finding = タブレット端末の管理者権限の付与が、申請によらず行われた例がある。
cause = 権限付与の申請手続が徹底されていない。
impact = 不要な管理者権限が悪用されるおそれがある。
recommendation = 申請と承認の記録に基づいて権限を付与し、定期的に棚卸しすること。
departments = 議会事務局総務課
system = タブレット端末
urgency = 通常
reply = 了承
examined = EV-2025-013
audited_by = 井上 和也
examined_on = 2026-01-13

[7-3(4)ア(ア)]
judgement = 軽微な不適合
finding = グループウェアのパスワードの最低文字数が、対策基準の定めより短い。
cause = 初期設定のまま運用されていた。
impact = パスワードの推測により不正にログインされるおそれがある。
recommendation = 最低文字数の設定を対策基準に合わせること。
departments = 議会事務局総務課
system = グループウェア
urgency = 通常
reply = 了承
audited_by = 井上 和也
examined_on = 2026-01-13

[7-3(7)イ(ウ)]
judgement = 軽微な不適合
finding = タブレット端末の画面ロックまでの時間が、端末により異なる。
cause = 端末管理の設定が一部の端末に適用されていない。
impact = 離席時に第三者に操作されるおそれがある。
recommendation = 全端末に同じ設定を適用すること。
departments = 議会事務局総務課
system = タブレット端末
urgency = 通常
reply = 7-1(2)アの対応と合わせて令和8年3月までに全端末へ適用する。
audited_by = 井上 和也
examined_on = 2026-01-13

[7-4(3)ウ]
judgement = 軽微な不適合
finding = 不正プログラム対策ソフトウェアの定期スキャンの結果が確認されていない。
cause = 結果の確認担当が定められていない。
impact = 感染を見逃すおそれがある。
recommendation = 確認担当を定め、月次で結果を確認すること。
departments = 議会事務局総務課
urgency = 通常
reply = 了承
audited_by = 井上 和也
examined_on = 2026-01-16

[9(1)ウ]
judgement = 軽微な不適合
finding = 委託事業者の情報セキュリティ対策の実施状況の定期確認が、前年度に続き一部にとどまる。
cause = 確認項目と時期が契約に定められていない。
impact = 委託先での情報漏えいなどを早期に把握できないおそれがある。
recommendation = 確認項目と時期を定め、年2回以上確認すること。
departments = 議会事務局総務課
urgency = 通常
reply = 了承
examined = EV-2025-008
audited_by = 木村 早苗
examined_on = 2026-01-20

[9(2)エ(イ)]
judgement = 棄却
reason = 外部サービスの利用申請書と承認記録をヒアリングで確認し、対策基準の手続どおりであることを確認した。回答者の記載誤りである。
audited_by = 井上 和也

[10-2(2)ア]
judgement = 軽微な不適合
finding = 自己点検の結果が、議事調査課内で共有されていない。
cause = 結果の共有の手順がない。
impact = 改善すべき事項が担当者に伝わらないおそれがある。
recommendation = 点検結果を課内で共有し、改善に用いること。
departments = 議会事務局議事調査課
urgency = 通常
reply = 了承
examined = EV-2025-015
audited_by = 木村 早苗
examined_on = 2026-01-20

[5-4(2)]
judgement = 適合
finding = 生体認証を併用する多要素認証の導入を確認した。
examined = EV-2025-009

; --- 観察事項（有効な証跡のない「実施」）：次回の点検で証跡の提出を求める ---

[2(2)ア]
judgement = 観察事項

[2(6)ア]
judgement = 観察事項

[2(7)キ]
judgement = 観察事項

[3(2)イ]
judgement = 観察事項

[3(2)ウ(ウ)]
judgement = 観察事項

[3(2)カ(イ)]
judgement = 観察事項

[3(2)ク(イ)]
judgement = 観察事項

[3(2)ケ(ア)]
judgement = 観察事項

[3(2)コ(イ)]
judgement = 観察事項

[4(3)イ]
judgement = 観察事項

[5-1(3)イ]
judgement = 観察事項

[5-2(2)ア]
judgement = 棄却
reason = 期限切れの入退室管理簿（EV-2025-004）に代わる令和7年10月以降の管理簿を視察で確認した。

[5-2(2)ウ]
judgement = 棄却
reason = 同上：令和7年10月以降の入退室管理簿を視察で確認した。

[6-1(1)ア]
judgement = 観察事項

[6-1(1)ウ(ウ)]
judgement = 観察事項

[6-1(1)エ(ア)]
judgement = 観察事項

[6-1(1)キ]
judgement = 観察事項

[6-4(2)ク]
judgement = 観察事項

[7-1(4)イ]
judgement = 観察事項

[7-1(10)エ(イ)]
judgement = 観察事項

[7-1(10)エ(ウ)]
judgement = 観察事項

[7-1(17)ア]
judgement = 棄却
reason = 設定画面を現地で確認した（証跡の登録漏れ）。

[7-1(18)イ]
judgement = 観察事項

[7-1(20)ア]
judgement = 観察事項

[7-1(22)ア(ア)]
judgement = 観察事項

[7-1(22)イ]
judgement = 観察事項

[7-2(1)イ(ア)]
judgement = 観察事項

[7-2(1)ウ(イ)]
judgement = 観察事項

[7-2(1)ウ(オ)]
judgement = 観察事項

[7-2(1)ウ(キ)]
judgement = 観察事項

[7-2(2)カ]
judgement = 観察事項

[7-3(2)ア]
judgement = 観察事項

[7-3(2)イ]
judgement = 観察事項

[7-3(4)イ(イ)]
judgement = 観察事項

[7-3(4)イ(ウ)]
judgement = 観察事項

[7-3(6)ア(ア)]
judgement = 観察事項

[7-3(6)ウ]
judgement = 観察事項

[7-3(7)イ(ア)]
judgement = 観察事項

[7-4(2)イ]
judgement = 観察事項

[7-4(2)ウ]
judgement = 観察事項

[7-4(2)オ]
judgement = 観察事項

[7-4(3)イ]
judgement = 観察事項

[7-4(3)エ]
judgement = 観察事項

[7-6(5)]
judgement = 観察事項

[7-6.2(1)]
judgement = 観察事項

[7-6.2(3)]
judgement = 観察事項

[8-1(1)ウ]
judgement = 観察事項

[8-1(2)エ]
judgement = 観察事項

[8-1(3)イ]
judgement = 観察事項

[8-2(1)ウ]
judgement = 観察事項

[8-2(3)イ]
judgement = 観察事項

[8-5イ]
judgement = 観察事項

[10-1(2)イ]
judgement = 観察事項
"""

PLANS_2024 = """; 改善計画 (令和6年度の指摘に対するもの) 2025年3月31日現在
[kansa]
kind = plans
as_of = 2025-03-31
reported_by = 鈴木 恵子
role = 情報セキュリティ管理者

[KP-2024-001]
items = 7-1(6)ウ
finding_year = 2024
department = 議会事務局議事調査課
role = 情報システム管理者
action = ログの点検手順を定め、月次で点検・記録する
due = 2025-06-30
milestone_1 = 2025-04-30 点検手順書の作成
status = 未着手
progress = 0

[KP-2024-002]
items = 5-4(2)
finding_year = 2024
department = 議会事務局総務課
role = 情報システム管理者
action = タブレット端末に生体認証を併用する多要素認証を導入する
due = 2025-06-30
milestone_1 = 2025-04-15 端末管理サービスの契約
milestone_1_done = 2025-04-10
status = 対応中
progress = 30
"""

PLANS_2025_09 = """; 改善計画の進捗報告 2025年9月30日現在
[kansa]
kind = plans
as_of = 2025-09-30
reported_by = 鈴木 恵子
role = 情報セキュリティ管理者

[KP-2024-001]
items = 7-1(6)ウ
finding_year = 2024
department = 議会事務局議事調査課
role = 情報システム管理者
action = ログの点検手順を定め、月次で点検・記録する
due = 2025-06-30
milestone_1 = 2025-04-30 点検手順書の作成
status = 対応中
progress = 10
notes = 担当者の異動により遅延

[KP-2024-002]
items = 5-4(2)
finding_year = 2024
department = 議会事務局総務課
role = 情報システム管理者
action = タブレット端末に生体認証を併用する多要素認証を導入する
due = 2025-06-30
milestone_1 = 2025-04-15 端末管理サービスの契約
milestone_1_done = 2025-04-10
status = 完了
progress = 100
completed_on = 2025-06-20

[KP-2025-001]
items = 7-4(1)オ
finding_year = 2025
department = 議会事務局
role = 情報セキュリティ責任者
action = ゲートウェイのウイルス対策ライセンスを更新し、更新期限を台帳で管理する
due = 2025-12-31
status = 対応中
progress = 40
"""

PLANS_2026_01 = """; 改善計画の進捗報告 2026年1月23日現在 (監査統括責任者による確認を含む)
[kansa]
kind = plans
as_of = 2026-01-23
reported_by = 佐々木 聡
role = 情報セキュリティ監査統括責任者

[KP-2024-002]
items = 5-4(2)
finding_year = 2024
department = 議会事務局総務課
role = 情報システム管理者
action = タブレット端末に生体認証を併用する多要素認証を導入する
due = 2025-06-30
milestone_1 = 2025-04-15 端末管理サービスの契約
milestone_1_done = 2025-04-10
status = 確認済
progress = 100
completed_on = 2025-06-20
notes = 監査で導入を確認した

[KP-2025-001]
items = 7-4(1)オ
finding_year = 2025
department = 議会事務局
role = 情報セキュリティ責任者
action = ゲートウェイのウイルス対策ライセンスを更新し、更新期限を台帳で管理する
due = 2026-03-31
reason = 予算の補正を待つため
status = 対応中
progress = 60
"""

AUDIT_AND_PLANS = {
    2024: {"audit.ini": AUDIT_2024, "plans-2025-03.ini": PLANS_2024},
    2025: {"audit.ini": AUDIT_2025, "plans-2025-09.ini": PLANS_2025_09,
           "plans-2026-01.ini": PLANS_2026_01},
}


def png(path, rgb, label_rows):
    """A small real PNG: a coloured box with grey 'text' stripes."""
    w, h = 160, 90
    rows = []
    for y in range(h):
        row = bytearray([0])
        for x in range(w):
            stripe = any(y in range(12 + 14 * i, 18 + 14 * i) for i in range(label_rows)) \
                and 10 < x < 10 + (120 - 17 * (y % 5))
            row += bytes((90, 90, 90) if stripe else rgb)
        rows.append(bytes(row))
    raw = zlib.compress(b"".join(rows), 9)

    def chunk(t, d):
        return struct.pack(">I", len(d)) + t + d + struct.pack(">I", zlib.crc32(t + d))
    data = b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", w, h, 8, 2, 0, 0, 0)) \
        + chunk(b"IDAT", raw) + chunk(b"IEND", b"")
    open(path, "wb").write(data)


def sections_of(db):
    """(section id, title) of the checklist, in order."""
    out = subprocess.run([KANSA, "--db", db, "items", "--format", "json"],
                         capture_output=True, text=True, check=True).stdout
    import json
    seen = []
    for it in json.loads(out)["items"]:
        if it["section"] not in [x for x, _ in seen]:
            title = it["heading"].split(" / ")[1] if " / " in it["heading"] else it["heading"]
            seen.append((it["section"], title.split(" ", 1)[-1][:30]))
    return seen


def write_evidence(year, sections):
    d = os.path.join(OUT, str(year), "evidence")
    reg = [f"; 証跡台帳 {year}年度 (令和{year - 2018}年度)\n", "[kansa]\n", "kind = evidence\n",
           f"fiscal_year = {year}\n"]
    for i, (num, title, f, clauses) in enumerate(EVIDENCE):
        if year == 2024 and num in ("009", "012"):
            continue  # introduced with the 2025 improvements
        eid = f"EV-{year}-{num}"
        full = os.path.join(d, f)
        os.makedirs(os.path.dirname(full), exist_ok=True)
        if f.endswith(".png"):
            png(full, (200 - 10 * i, 220, 160 + 5 * i), 3 + i % 3)
        else:
            open(full, "w", encoding="utf-8").write(
                f"{title}\n{year}年度 水戸市議会事務局\n\n(デモ用の架空の記録です)\n")
        collected = f"{year}-{6 + i % 4:02d}-{10 + i:02d}"
        expires = ""
        if num == "006":
            expires = f"{year}-12-31"  # the log settings must be re-checked
        if num == "004" and year == 2025:
            expires = "2025-09-30"
        reg += ["\n", f"[{eid}]\n", f"title = {title}\n", f"file = {f}\n",
                f"collected_on = {collected}\n"]
        if expires:
            reg.append(f"expires_on = {expires}\n")
        reg.append(f"clauses = {clauses}\n")
    # one record of the checks of each section, for any of its items
    for k, (sec, title) in enumerate(sections):
        eid = f"EV-{year}-{101 + k}"
        f = f"点検記録/{sec}.txt"
        full = os.path.join(d, f)
        os.makedirs(os.path.dirname(full), exist_ok=True)
        open(full, "w", encoding="utf-8").write(
            f"{sec} {title} の点検記録\n{year}年度\n\n(デモ用の架空の記録です)\n")
        reg += ["\n", f"[{eid}]\n", f"title = {sec} {title}の点検記録\n",
                f"file = {f}\n", f"collected_on = {year}-08-{1 + k % 28:02d}\n"]
    open(os.path.join(d, "register.ini"), "w", encoding="utf-8").write("".join(reg))
    named = {f"EV-{year}-{num}": [c.strip() for c in clauses.split(",")]
             for num, _, _, clauses in EVIDENCE
             if not (year == 2024 and num in ("009", "012"))}
    per_section = {sec: f"EV-{year}-{101 + k}" for k, (sec, _) in enumerate(sections)}
    return named, per_section


def status_for(rng, year, role):
    good = 0.955 if year == 2024 else 0.975
    r = rng.random()
    if r < good:
        return "実施"
    if r < good + 0.025:
        return "一部実施"
    if r < good + 0.035:
        return "未実施"
    if r < good + 0.04:
        return "該当なし"
    return "" if year == 2024 else "実施"


def fill(template, year, dept, role, system, name, evidence, section_of):
    rng = random.Random(f"{year}/{dept}/{role}/{system}")
    out, item = [], None
    for line in open(template, encoding="utf-8", newline="").read().split("\r\n"):
        m = re.match(r"^\[(.+)\]$", line)
        if m:
            item = None if m.group(1) == "kansa" else m.group(1)
            if item:
                story = STORY.get((year, dept, system, item))
                status = story[0] if story else status_for(rng, year, role)
                comment = story[1] if story else (
                    rng.choice(COMMENTS[status]) if status in COMMENTS else "")
                named, per_section = evidence
                evs = [e for e, cl in named.items() if item in cl]
                if not evs and rng.random() < 0.93:
                    evs = [per_section[section_of[item]]]
                cite = evs if status in ("実施", "一部実施") and (story or rng.random() < 0.97) else []
        if line.startswith("respondent = "):
            line = "respondent = " + name
        elif line.startswith("answered_on = "):
            line = f"answered_on = {year}-{9 + rng.randrange(2)}-{10 + rng.randrange(18):02d}"
        elif line.startswith("system =") and system:
            line = "system = " + system
        elif item and line.startswith("status = "):
            line = "status = " + status
        elif item and line.startswith("evidence = "):
            line = "evidence = " + ", ".join(cite)
        elif item and line.startswith("comment = "):
            line = "comment = " + comment
        out.append(line)
    return "\r\n".join(out)


def main():
    tmp = tempfile.mkdtemp()
    db = os.path.join(tmp, "kansa.db")
    subprocess.run([KANSA, "--db", db, "derive", "-o", os.path.join(tmp, "cl.ini"),
                    "checklists/mito-gikai-taisaku-kijun.txt"], check=True,
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    sections = sections_of(db)
    items = subprocess.run([KANSA, "--db", db, "items", "--format", "tsv"],
                           capture_output=True, text=True, check=True).stdout
    section_of = {line.split("\t")[0]: line.split("\t")[4]
                  for line in items.splitlines()[1:]}
    for year in (2024, 2025):
        ydir = os.path.join(OUT, str(year))
        shutil.rmtree(ydir, ignore_errors=True)
        os.makedirs(os.path.join(ydir, "answers"))
        evidence = write_evidence(year, sections)
        for name, text in AUDIT_AND_PLANS.get(year, {}).items():
            open(os.path.join(ydir, name), "w", encoding="utf-8").write(text)
        for dept, role, system, name, enc in RESPONDENTS:
            sheets = os.path.join(tmp, f"s{year}")
            subprocess.run([KANSA, "--db", db, "template", "--year", str(year), "--role", role,
                            "--department", dept, "-o", sheets], check=True,
                           stdout=subprocess.DEVNULL)
            text = fill(os.path.join(sheets, f"answers-{year}-{SLUG[role]}.ini"),
                        year, dept, role, system, name, evidence, section_of)
            parts = [DEPT_SLUG[dept], SLUG[role]] + ([SYSTEM_SLUG[system]] if system else [])
            fname = "-".join(parts) + ".ini"
            if enc == "cp932":  # as Windows saves it: EM DASH becomes U+2015
                text = text.replace("\u2014", "\u2015")
            data = text.encode(enc)
            open(os.path.join(ydir, "answers", fname), "wb").write(data)
    shutil.rmtree(tmp)


main()

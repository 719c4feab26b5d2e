# mypy: ignore-errors
# Resource object code (Python 3)
# Created by: object code
# Created by: The Resource Compiler for Qt version 6.12.0
# WARNING! All changes made in this file will be lost!

from PySide6 import QtCore

qt_resource_data = b"\
\x00\x00*\xb5\
/\
* desktop-oms st\
ation: one light\
 theme for the c\
ounter.\x0a * Palet\
te: ink #17202C,\
 muted #5B6472, \
faint #8A93A1, l\
ines #E2E6EC, ca\
nvas #F3F5F8,\x0a *\
 surface #FFFFFF\
, accent #2563EB\
 (hover #1D4ED8,\
 tint #E8EFFD), \
ok #15803D / #DC\
FCE7,\x0a * warn #B\
45309 / #FEF3C7,\
 bad #B91C1C / #\
FEE2E2. Touch ta\
rgets are at lea\
st 40 px high.\x0a \
* The font famil\
y and base size \
are set in code \
(gui/theme.py) s\
o that they foll\
ow the\x0a * platfo\
rm's best sans-s\
erif; sizes here\
 are in px so th\
at they match at\
 any DPI.\x0a */\x0a\x0a*\
 {\x0a    outline: \
0;\x0a}\x0a\x0aQMainWindo\
w, QDialog, QWid\
get#central {\x0a  \
  background: #F\
3F5F8;\x0a    color\
: #17202C;\x0a}\x0a\x0aQT\
oolTip {\x0a    bac\
kground: #17202C\
;\x0a    color: #FF\
FFFF;\x0a    border\
: 0;\x0a    padding\
: 6px 8px;\x0a    b\
order-radius: 6p\
x;\x0a}\x0a\x0a/* --- top\
 bar -----------\
----------------\
----------------\
----------------\
------------- */\
\x0a\x0aQFrame#topBar \
{\x0a    background\
: #111827;\x0a    b\
order: 0;\x0a    mi\
n-height: 60px;\x0a\
    max-height: \
60px;\x0a}\x0aQFrame#t\
opBar QLabel {\x0a \
   color: #E5E7E\
B;\x0a}\x0aQLabel#bran\
dLabel {\x0a    fon\
t-size: 17px;\x0a  \
  font-weight: 7\
00;\x0a    color: #\
FFFFFF;\x0a}\x0aQLabel\
#storeLabel {\x0a  \
  font-size: 14p\
x;\x0a    color: #A\
EB6C2;\x0a}\x0aQLineEd\
it#scanEdit {\x0a  \
  background: #1\
F2937;\x0a    color\
: #F9FAFB;\x0a    b\
order: 1px solid\
 #374151;\x0a    bo\
rder-radius: 10p\
x;\x0a    padding: \
0 12px;\x0a    min-\
height: 40px;\x0a  \
  font-size: 15p\
x;\x0a    selection\
-background-colo\
r: #2563EB;\x0a}\x0aQL\
ineEdit#scanEdit\
:focus {\x0a    bor\
der: 1px solid #\
60A5FA;\x0a    back\
ground: #111827;\
\x0a}\x0aQToolButton#s\
taffButton {\x0a   \
 color: #F9FAFB;\
\x0a    background:\
 transparent;\x0a  \
  border: 1px so\
lid transparent;\
\x0a    border-radi\
us: 10px;\x0a    pa\
dding: 0 10px;\x0a \
   min-height: 4\
0px;\x0a    font-si\
ze: 15px;\x0a    fo\
nt-weight: 600;\x0a\
}\x0aQToolButton#st\
affButton:hover \
{\x0a    background\
: #1F2937;\x0a    b\
order-color: #37\
4151;\x0a}\x0aQToolBut\
ton#staffButton:\
:menu-indicator \
{\x0a    image: non\
e;\x0a}\x0a\x0a/* --- nav\
igation rail ---\
----------------\
----------------\
----------------\
------------- */\
\x0a\x0aQListWidget#na\
vRail {\x0a    back\
ground: #FFFFFF;\
\x0a    border: 0;\x0a\
    border-right\
: 1px solid #E2E\
6EC;\x0a    padding\
: 12px 8px;\x0a    \
font-size: 15px;\
\x0a    font-weight\
: 600;\x0a}\x0aQListWi\
dget#navRail::it\
em {\x0a    color: \
#3B4452;\x0a    min\
-height: 48px;\x0a \
   padding: 0 12\
px;\x0a    margin: \
2px 0;\x0a    borde\
r-radius: 10px;\x0a\
}\x0aQListWidget#na\
vRail::item:hove\
r {\x0a    backgrou\
nd: #F3F5F8;\x0a}\x0aQ\
ListWidget#navRa\
il::item:selecte\
d {\x0a    backgrou\
nd: #E8EFFD;\x0a   \
 color: #1D4ED8;\
\x0a}\x0a\x0a/* --- page \
chrome ---------\
----------------\
----------------\
----------------\
----------- */\x0a\x0a\
QLabel#pageTitle\
 {\x0a    font-size\
: 24px;\x0a    font\
-weight: 700;\x0a  \
  color: #17202C\
;\x0a}\x0aQLabel#pageS\
ubtitle, QLabel[\
muted=\x22true\x22] {\x0a\
    color: #5B64\
72;\x0a    font-siz\
e: 14px;\x0a}\x0aQLabe\
l[faint=\x22true\x22] \
{\x0a    color: #8A\
93A1;\x0a    font-s\
ize: 13px;\x0a}\x0aQLa\
bel[section=\x22tru\
e\x22] {\x0a    color:\
 #5B6472;\x0a    fo\
nt-size: 12px;\x0a \
   font-weight: \
700;\x0a}\x0a\x0aQLineEdi\
t, QComboBox, QS\
pinBox {\x0a    bac\
kground: #FFFFFF\
;\x0a    color: #17\
202C;\x0a    border\
: 1px solid #CBD\
2DB;\x0a    border-\
radius: 10px;\x0a  \
  padding: 0 12p\
x;\x0a    min-heigh\
t: 42px;\x0a    fon\
t-size: 15px;\x0a  \
  selection-back\
ground-color: #B\
FD3FB;\x0a    selec\
tion-color: #172\
02C;\x0a}\x0aQLineEdit\
:focus, QComboBo\
x:focus, QSpinBo\
x:focus {\x0a    bo\
rder: 2px solid \
#2563EB;\x0a    pad\
ding: 0 11px;\x0a}\x0a\
QLineEdit:disabl\
ed, QComboBox:di\
sabled {\x0a    bac\
kground: #F3F5F8\
;\x0a    color: #8A\
93A1;\x0a}\x0aQLineEdi\
t#searchEdit {\x0a \
   padding-left:\
 8px;\x0a}\x0aQComboBo\
x::drop-down {\x0a \
   border: 0;\x0a  \
  width: 32px;\x0a}\
\x0aQComboBox::down\
-arrow {\x0a    ima\
ge: url(:/oms/ic\
ons/chevron-down\
-muted.svg);\x0a   \
 width: 16px;\x0a  \
  height: 16px;\x0a\
}\x0aQComboBox QAbs\
tractItemView {\x0a\
    background: \
#FFFFFF;\x0a    bor\
der: 1px solid #\
CBD2DB;\x0a    sele\
ction-background\
-color: #E8EFFD;\
\x0a    selection-c\
olor: #17202C;\x0a \
   padding: 4px;\
\x0a}\x0a\x0a/* --- butto\
ns -------------\
----------------\
----------------\
----------------\
----------- */\x0a\x0a\
QPushButton {\x0a  \
  background: #F\
FFFFF;\x0a    color\
: #17202C;\x0a    b\
order: 1px solid\
 #CBD2DB;\x0a    bo\
rder-radius: 10p\
x;\x0a    padding: \
0 18px;\x0a    min-\
height: 42px;\x0a  \
  font-size: 15p\
x;\x0a    font-weig\
ht: 600;\x0a}\x0aQPush\
Button:hover {\x0a \
   background: #\
F3F5F8;\x0a    bord\
er-color: #AEB6C\
2;\x0a}\x0aQPushButton\
:pressed {\x0a    b\
ackground: #E2E6\
EC;\x0a}\x0aQPushButto\
n:disabled {\x0a   \
 color: #AEB6C2;\
\x0a    border-colo\
r: #E2E6EC;\x0a    \
background: #F8F\
9FB;\x0a}\x0aQPushButt\
on[accent=\x22true\x22\
] {\x0a    backgrou\
nd: #2563EB;\x0a   \
 color: #FFFFFF;\
\x0a    border: 1px\
 solid #2563EB;\x0a\
}\x0aQPushButton[ac\
cent=\x22true\x22]:hov\
er {\x0a    backgro\
und: #1D4ED8;\x0a  \
  border-color: \
#1D4ED8;\x0a}\x0aQPush\
Button[accent=\x22t\
rue\x22]:pressed {\x0a\
    background: \
#1E40AF;\x0a}\x0aQPush\
Button[accent=\x22t\
rue\x22]:disabled {\
\x0a    background:\
 #A9C1F5;\x0a    bo\
rder-color: #A9C\
1F5;\x0a    color: \
#F3F6FD;\x0a}\x0aQPush\
Button[danger=\x22t\
rue\x22] {\x0a    colo\
r: #B91C1C;\x0a    \
border-color: #F\
3B4B4;\x0a}\x0aQPushBu\
tton[segment=\x22tr\
ue\x22]:checked {\x0a \
   background: #\
E8EFFD;\x0a    bord\
er: 2px solid #2\
563EB;\x0a    color\
: #1D4ED8;\x0a    p\
adding: 0 17px;\x0a\
}\x0aQPushButton[st\
epper=\x22true\x22] {\x0a\
    padding: 0;\x0a\
    font-size: 2\
0px;\x0a    font-we\
ight: 700;\x0a    m\
in-height: 0;\x0a}\x0a\
QPushButton[flat\
=\x22true\x22] {\x0a    b\
ackground: trans\
parent;\x0a    bord\
er: 0;\x0a    color\
: #2563EB;\x0a    p\
adding: 0 8px;\x0a}\
\x0aQPushButton[fla\
t=\x22true\x22]:hover \
{\x0a    background\
: #E8EFFD;\x0a}\x0a\x0a/*\
 --- queue tabs \
(segmented) ----\
----------------\
----------------\
----------------\
-------- */\x0a\x0aQFr\
ame#queueTabs {\x0a\
    background: \
#E7EAF0;\x0a    bor\
der-radius: 12px\
;\x0a    padding: 4\
px;\x0a}\x0aQToolButto\
n[queueTab=\x22true\
\x22] {\x0a    backgro\
und: transparent\
;\x0a    border: 0;\
\x0a    border-radi\
us: 9px;\x0a    pad\
ding: 0 14px;\x0a  \
  min-height: 40\
px;\x0a    color: #\
3B4452;\x0a    font\
-size: 15px;\x0a   \
 font-weight: 60\
0;\x0a}\x0aQToolButton\
[queueTab=\x22true\x22\
]:hover {\x0a    ba\
ckground: #F3F5F\
8;\x0a}\x0aQToolButton\
[queueTab=\x22true\x22\
]:checked {\x0a    \
background: #FFF\
FFF;\x0a    color: \
#17202C;\x0a}\x0aQLabe\
l#tabCount {\x0a   \
 background: #D5\
DAE3;\x0a    color:\
 #3B4452;\x0a    bo\
rder-radius: 10p\
x;\x0a    padding: \
1px 8px;\x0a    fon\
t-size: 13px;\x0a  \
  font-weight: 7\
00;\x0a    min-widt\
h: 12px;\x0a}\x0aQLabe\
l#tabCount[activ\
e=\x22true\x22] {\x0a    \
background: #256\
3EB;\x0a    color: \
#FFFFFF;\x0a}\x0aQLabe\
l#tabCount[alert\
=\x22true\x22] {\x0a    b\
ackground: #FEE2\
E2;\x0a    color: #\
B91C1C;\x0a}\x0a\x0a/* --\
- tables -------\
----------------\
----------------\
----------------\
----------------\
-- */\x0a\x0aQTableVie\
w {\x0a    backgrou\
nd: #FFFFFF;\x0a   \
 alternate-backg\
round-color: #FA\
FBFC;\x0a    border\
: 1px solid #E2E\
6EC;\x0a    border-\
radius: 12px;\x0a  \
  gridline-color\
: #EEF1F4;\x0a    f\
ont-size: 15px;\x0a\
    selection-ba\
ckground-color: \
#E8EFFD;\x0a    sel\
ection-color: #1\
7202C;\x0a}\x0aQTableV\
iew::item {\x0a    \
padding: 0 12px;\
\x0a    border-bott\
om: 1px solid #E\
EF1F4;\x0a}\x0aQTableV\
iew::item:select\
ed {\x0a    backgro\
und: #E8EFFD;\x0a  \
  color: #17202C\
;\x0a}\x0aQHeaderView \
{\x0a    background\
: transparent;\x0a}\
\x0aQHeaderView::se\
ction {\x0a    back\
ground: #FFFFFF;\
\x0a    color: #5B6\
472;\x0a    border:\
 0;\x0a    border-b\
ottom: 1px solid\
 #E2E6EC;\x0a    pa\
dding: 0 12px;\x0a \
   min-height: 4\
0px;\x0a    font-si\
ze: 13px;\x0a    fo\
nt-weight: 700;\x0a\
}\x0aQHeaderView::s\
ection:first {\x0a \
   border-top-le\
ft-radius: 12px;\
\x0a}\x0aQHeaderView::\
section:last {\x0a \
   border-top-ri\
ght-radius: 12px\
;\x0a}\x0aQHeaderView:\
:down-arrow, QHe\
aderView::up-arr\
ow {\x0a    width: \
10px;\x0a    height\
: 10px;\x0a    subc\
ontrol-position:\
 center right;\x0a \
   right: 6px;\x0a}\
\x0a\x0aQScrollBar:ver\
tical {\x0a    back\
ground: transpar\
ent;\x0a    width: \
12px;\x0a    margin\
: 4px 2px;\x0a}\x0aQSc\
rollBar::handle:\
vertical {\x0a    b\
ackground: #CBD2\
DB;\x0a    border-r\
adius: 4px;\x0a    \
min-height: 40px\
;\x0a}\x0aQScrollBar::\
handle:vertical:\
hover {\x0a    back\
ground: #AEB6C2;\
\x0a}\x0aQScrollBar:ho\
rizontal {\x0a    b\
ackground: trans\
parent;\x0a    heig\
ht: 12px;\x0a    ma\
rgin: 2px 4px;\x0a}\
\x0aQScrollBar::han\
dle:horizontal {\
\x0a    background:\
 #CBD2DB;\x0a    bo\
rder-radius: 4px\
;\x0a    min-width:\
 40px;\x0a}\x0aQScroll\
Bar::add-line, Q\
ScrollBar::sub-l\
ine {\x0a    width:\
 0;\x0a    height: \
0;\x0a}\x0aQScrollBar:\
:add-page, QScro\
llBar::sub-page \
{\x0a    background\
: transparent;\x0a}\
\x0a\x0aQSplitter::han\
dle {\x0a    backgr\
ound: transparen\
t;\x0a}\x0a\x0a/* --- car\
ds, chips, banne\
rs -------------\
----------------\
----------------\
------------- */\
\x0a\x0aQFrame[card=\x22t\
rue\x22] {\x0a    back\
ground: #FFFFFF;\
\x0a    border: 1px\
 solid #E2E6EC;\x0a\
    border-radiu\
s: 14px;\x0a}\x0aQLabe\
l[chip] {\x0a    bo\
rder-radius: 11p\
x;\x0a    padding: \
2px 10px;\x0a    fo\
nt-size: 13px;\x0a \
   font-weight: \
700;\x0a}\x0aQLabel[ch\
ip=\x22ok\x22] {\x0a    b\
ackground: #DCFC\
E7;\x0a    color: #\
15803D;\x0a}\x0aQLabel\
[chip=\x22warn\x22] {\x0a\
    background: \
#FEF3C7;\x0a    col\
or: #B45309;\x0a}\x0aQ\
Label[chip=\x22bad\x22\
] {\x0a    backgrou\
nd: #FEE2E2;\x0a   \
 color: #B91C1C;\
\x0a}\x0aQLabel[chip=\x22\
info\x22] {\x0a    bac\
kground: #E8EFFD\
;\x0a    color: #1D\
4ED8;\x0a}\x0aQLabel[c\
hip=\x22muted\x22] {\x0a \
   background: #\
EEF1F4;\x0a    colo\
r: #5B6472;\x0a}\x0aQF\
rame[banner=\x22war\
n\x22] {\x0a    backgr\
ound: #FFFBEB;\x0a \
   border: 1px s\
olid #FCD34D;\x0a  \
  border-radius:\
 10px;\x0a}\x0aQFrame[\
banner=\x22bad\x22] {\x0a\
    background: \
#FEF2F2;\x0a    bor\
der: 1px solid #\
FCA5A5;\x0a    bord\
er-radius: 10px;\
\x0a}\x0aQFrame[banner\
=\x22info\x22] {\x0a    b\
ackground: #EFF6\
FF;\x0a    border: \
1px solid #BFDBF\
E;\x0a    border-ra\
dius: 10px;\x0a}\x0aQL\
abel#binLabel {\x0a\
    font-size: 2\
8px;\x0a    font-we\
ight: 800;\x0a    c\
olor: #17202C;\x0a}\
\x0aQLabel#orderTit\
le {\x0a    font-si\
ze: 22px;\x0a    fo\
nt-weight: 700;\x0a\
}\x0aQLabel#emptySt\
ate {\x0a    color:\
 #5B6472;\x0a    fo\
nt-size: 16px;\x0a}\
\x0a\x0a/* --- sign-in\
 ---------------\
----------------\
----------------\
----------------\
--------- */\x0a\x0aQW\
idget#signInView\
 {\x0a    backgroun\
d: #F3F5F8;\x0a}\x0aQF\
rame#signInCard \
{\x0a    background\
: #FFFFFF;\x0a    b\
order: 1px solid\
 #E2E6EC;\x0a    bo\
rder-radius: 18p\
x;\x0a}\x0aQLabel#sign\
InTitle {\x0a    fo\
nt-size: 26px;\x0a \
   font-weight: \
700;\x0a}\x0aQLabel#si\
gnInError {\x0a    \
color: #B91C1C;\x0a\
    font-size: 1\
4px;\x0a    font-we\
ight: 600;\x0a}\x0aQFr\
ame#demoBox {\x0a  \
  background: #E\
FF6FF;\x0a    borde\
r: 1px solid #BF\
DBFE;\x0a    border\
-radius: 12px;\x0a}\
\x0aQFrame#demoBox \
QLabel {\x0a    col\
or: #1E3A8A;\x0a   \
 font-size: 14px\
;\x0a}\x0a\x0a/* --- firs\
t sync / start-u\
p --------------\
----------------\
----------------\
------------ */\x0a\
\x0aQProgressBar {\x0a\
    background: \
#E2E6EC;\x0a    bor\
der: 0;\x0a    bord\
er-radius: 5px;\x0a\
    min-height: \
10px;\x0a    max-he\
ight: 10px;\x0a    \
text-align: cent\
er;\x0a    color: t\
ransparent;\x0a}\x0aQP\
rogressBar::chun\
k {\x0a    backgrou\
nd: #2563EB;\x0a   \
 border-radius: \
5px;\x0a}\x0a\x0a/* --- s\
tatus bar ------\
----------------\
----------------\
----------------\
--------------- \
*/\x0a\x0aQStatusBar {\
\x0a    background:\
 #FFFFFF;\x0a    bo\
rder-top: 1px so\
lid #E2E6EC;\x0a   \
 min-height: 36p\
x;\x0a    color: #5\
B6472;\x0a    font-\
size: 13px;\x0a}\x0aQS\
tatusBar::item {\
\x0a    border: 0;\x0a\
}\x0aQStatusBar QLa\
bel {\x0a    color:\
 #5B6472;\x0a    fo\
nt-size: 13px;\x0a \
   padding: 0 6p\
x;\x0a}\x0aQLabel#link\
Pill {\x0a    borde\
r-radius: 11px;\x0a\
    padding: 2px\
 10px;\x0a    font-\
weight: 700;\x0a}\x0aQ\
Label#linkPill[s\
tate=\x22online\x22] {\
\x0a    background:\
 #DCFCE7;\x0a    co\
lor: #15803D;\x0a}\x0a\
QLabel#linkPill[\
state=\x22offline\x22]\
 {\x0a    backgroun\
d: #FEF3C7;\x0a    \
color: #B45309;\x0a\
}\x0aQLabel#linkPil\
l[state=\x22startin\
g\x22] {\x0a    backgr\
ound: #EEF1F4;\x0a \
   color: #5B647\
2;\x0a}\x0aQLabel#link\
Pill[state=\x22refu\
sed\x22] {\x0a    back\
ground: #FEE2E2;\
\x0a    color: #B91\
C1C;\x0a}\x0aQLabel#co\
nflictBadge {\x0a  \
  background: #F\
EE2E2;\x0a    color\
: #B91C1C;\x0a    b\
order-radius: 11\
px;\x0a    padding:\
 2px 10px;\x0a    f\
ont-weight: 700;\
\x0a}\x0a\x0a/* --- toast\
 ---------------\
----------------\
----------------\
----------------\
----------- */\x0a\x0a\
QFrame#toast {\x0a \
   background: #\
17202C;\x0a    bord\
er-radius: 12px;\
\x0a}\x0aQFrame#toast \
QLabel {\x0a    col\
or: #FFFFFF;\x0a   \
 font-size: 15px\
;\x0a    background\
: transparent;\x0a}\
\x0aQFrame#toast QP\
ushButton {\x0a    \
background: tran\
sparent;\x0a    col\
or: #93C5FD;\x0a   \
 border: 0;\x0a    \
min-height: 36px\
;\x0a}\x0a\
\x00\x00\x00\xfc\
<\
svg xmlns=\x22http:\
//www.w3.org/200\
0/svg\x22 width=\x2224\
\x22 height=\x2224\x22 vi\
ewBox=\x220 0 24 24\
\x22 fill=\x22none\x22 st\
roke=\x22currentCol\
or\x22 stroke-width\
=\x222\x22 stroke-line\
cap=\x22round\x22 stro\
ke-linejoin=\x22rou\
nd\x22><path d=\x22M12\
 16V4\x22/><path d=\
\x22M7 9l5-5 5 5\x22/>\
<path d=\x22M4 20h1\
6\x22/></svg>\x0a\
\x00\x00\x01,\
<\
svg xmlns=\x22http:\
//www.w3.org/200\
0/svg\x22 width=\x2224\
\x22 height=\x2224\x22 vi\
ewBox=\x220 0 24 24\
\x22 fill=\x22none\x22 st\
roke=\x22currentCol\
or\x22 stroke-width\
=\x222\x22 stroke-line\
cap=\x22round\x22 stro\
ke-linejoin=\x22rou\
nd\x22><circle cx=\x22\
9\x22 cy=\x228\x22 r=\x224\x22/\
><path d=\x22M2 21v\
-1a6 6 0 0 1 6-6\
h2\x22/><path d=\x22M1\
6 14l3 3-3 3\x22/><\
path d=\x22M22 17h-\
8\x22/></svg>\x0a\
\x00\x00\x00\xed\
<\
svg xmlns=\x22http:\
//www.w3.org/200\
0/svg\x22 width=\x2224\
\x22 height=\x2224\x22 vi\
ewBox=\x220 0 24 24\
\x22 fill=\x22none\x22 st\
roke=\x22currentCol\
or\x22 stroke-width\
=\x222\x22 stroke-line\
cap=\x22round\x22 stro\
ke-linejoin=\x22rou\
nd\x22><path d=\x22M4 \
22V4\x22/><path d=\x22\
M4 4h13l-2 4 2 4\
H4\x22/></svg>\x0a\
\x00\x00\x01\x1d\
<\
svg xmlns=\x22http:\
//www.w3.org/200\
0/svg\x22 width=\x2224\
\x22 height=\x2224\x22 vi\
ewBox=\x220 0 24 24\
\x22 fill=\x22none\x22 st\
roke=\x22currentCol\
or\x22 stroke-width\
=\x222\x22 stroke-line\
cap=\x22round\x22 stro\
ke-linejoin=\x22rou\
nd\x22><path d=\x22M9 \
21H5a2 2 0 0 1-2\
-2V5a2 2 0 0 1 2\
-2h4\x22/><path d=\x22\
M16 17l5-5-5-5\x22/\
><path d=\x22M21 12\
H9\x22/></svg>\x0a\
\x00\x00\x01>\
<\
svg xmlns=\x22http:\
//www.w3.org/200\
0/svg\x22 width=\x2224\
\x22 height=\x2224\x22 vi\
ewBox=\x220 0 24 24\
\x22 fill=\x22none\x22 st\
roke=\x22currentCol\
or\x22 stroke-width\
=\x222\x22 stroke-line\
cap=\x22round\x22 stro\
ke-linejoin=\x22rou\
nd\x22><path d=\x22M10\
.3 3.9L1.8 18a2 \
2 0 0 0 1.7 3h17\
a2 2 0 0 0 1.7-3\
L13.7 3.9a2 2 0 \
0 0-3.4 0z\x22/><pa\
th d=\x22M12 9v4\x22/>\
<path d=\x22M12 17h\
.01\x22/></svg>\x0a\
\x00\x00\x00\xe8\
<\
svg xmlns=\x22http:\
//www.w3.org/200\
0/svg\x22 width=\x2224\
\x22 height=\x2224\x22 vi\
ewBox=\x220 0 24 24\
\x22 fill=\x22none\x22 st\
roke=\x22currentCol\
or\x22 stroke-width\
=\x222\x22 stroke-line\
cap=\x22round\x22 stro\
ke-linejoin=\x22rou\
nd\x22><path d=\x22M18\
 6L6 18\x22/><path \
d=\x22M6 6l12 12\x22/>\
</svg>\x0a\
\x00\x00\x01\x0e\
<\
svg xmlns=\x22http:\
//www.w3.org/200\
0/svg\x22 width=\x2224\
\x22 height=\x2224\x22 vi\
ewBox=\x220 0 24 24\
\x22 fill=\x22none\x22 st\
roke=\x22currentCol\
or\x22 stroke-width\
=\x222\x22 stroke-line\
cap=\x22round\x22 stro\
ke-linejoin=\x22rou\
nd\x22><circle cx=\x22\
12\x22 cy=\x228\x22 r=\x224\x22\
/><path d=\x22M4 21\
v-1a6 6 0 0 1 6-\
6h4a6 6 0 0 1 6 \
6v1\x22/></svg>\x0a\
\x00\x00\x01\x95\
<\
svg xmlns=\x22http:\
//www.w3.org/200\
0/svg\x22 width=\x2224\
\x22 height=\x2224\x22 vi\
ewBox=\x220 0 24 24\
\x22 fill=\x22none\x22 st\
roke=\x22currentCol\
or\x22 stroke-width\
=\x222\x22 stroke-line\
cap=\x22round\x22 stro\
ke-linejoin=\x22rou\
nd\x22><path d=\x22M3 \
7V5a2 2 0 0 1 2-\
2h2\x22/><path d=\x22M\
17 3h2a2 2 0 0 1\
 2 2v2\x22/><path d\
=\x22M21 17v2a2 2 0\
 0 1-2 2h-2\x22/><p\
ath d=\x22M7 21H5a2\
 2 0 0 1-2-2v-2\x22\
/><path d=\x22M7 8v\
8\x22/><path d=\x22M10\
 8v8\x22/><path d=\x22\
M13 8v8\x22/><path \
d=\x22M17 8v8\x22/></s\
vg>\x0a\
\x00\x00\x03`\
<\
svg xmlns=\x22http:\
//www.w3.org/200\
0/svg\x22 width=\x2225\
6\x22 height=\x22256\x22 \
viewBox=\x220 0 256\
 256\x22>\x0a  <defs>\x0a\
    <linearGradi\
ent id=\x22bg\x22 x1=\x22\
0\x22 y1=\x220\x22 x2=\x221\x22\
 y2=\x221\x22>\x0a      <\
stop offset=\x220\x22 \
stop-color=\x22#3B8\
2F6\x22/>\x0a      <st\
op offset=\x221\x22 st\
op-color=\x22#1D4ED\
8\x22/>\x0a    </linea\
rGradient>\x0a  </d\
efs>\x0a  <rect x=\x22\
8\x22 y=\x228\x22 width=\x22\
240\x22 height=\x22240\
\x22 rx=\x2256\x22 fill=\x22\
url(#bg)\x22/>\x0a  <p\
ath d=\x22M128 52 L\
196 88 L196 168 \
L128 204 L60 168\
 L60 88 Z\x22 fill=\
\x22none\x22 stroke=\x22#\
FFFFFF\x22 stroke-w\
idth=\x2214\x22 stroke\
-linejoin=\x22round\
\x22/>\x0a  <path d=\x22M\
60 88 L128 124 L\
196 88 M128 124 \
L128 204\x22 fill=\x22\
none\x22 stroke=\x22#F\
FFFFF\x22 stroke-wi\
dth=\x2214\x22 stroke-\
linejoin=\x22round\x22\
 stroke-linecap=\
\x22round\x22/>\x0a  <cir\
cle cx=\x22188\x22 cy=\
\x22188\x22 r=\x2240\x22 fil\
l=\x22#22C55E\x22 stro\
ke=\x22#1D4ED8\x22 str\
oke-width=\x2210\x22/>\
\x0a  <path d=\x22M170\
 188 L183 201 L2\
07 176\x22 fill=\x22no\
ne\x22 stroke=\x22#FFF\
FFF\x22 stroke-widt\
h=\x2211\x22 stroke-li\
necap=\x22round\x22 st\
roke-linejoin=\x22r\
ound\x22/>\x0a</svg>\x0a\
\x00\x00\x00\xf6\
<\
svg xmlns=\x22http:\
//www.w3.org/200\
0/svg\x22 width=\x2224\
\x22 height=\x2224\x22 vi\
ewBox=\x220 0 24 24\
\x22 fill=\x22none\x22 st\
roke=\x22currentCol\
or\x22 stroke-width\
=\x222\x22 stroke-line\
cap=\x22round\x22 stro\
ke-linejoin=\x22rou\
nd\x22><circle cx=\x22\
11\x22 cy=\x2211\x22 r=\x227\
\x22/><path d=\x22M21 \
21l-4.3-4.3\x22/></\
svg>\x0a\
\x00\x00\x00\xd7\
<\
svg xmlns=\x22http:\
//www.w3.org/200\
0/svg\x22 width=\x2224\
\x22 height=\x2224\x22 vi\
ewBox=\x220 0 24 24\
\x22 fill=\x22none\x22 st\
roke=\x22currentCol\
or\x22 stroke-width\
=\x222\x22 stroke-line\
cap=\x22round\x22 stro\
ke-linejoin=\x22rou\
nd\x22><path d=\x22M20\
 6L9 17l-5-5\x22/><\
/svg>\x0a\
\x00\x00\x00\xd1\
<\
svg xmlns=\x22http:\
//www.w3.org/200\
0/svg\x22 width=\x2224\
\x22 height=\x2224\x22 vi\
ewBox=\x220 0 24 24\
\x22 fill=\x22none\x22 st\
roke=\x22#5B6472\x22 s\
troke-width=\x222.2\
\x22 stroke-linecap\
=\x22round\x22 stroke-\
linejoin=\x22round\x22\
><path d=\x22M6 9l6\
 6 6-6\x22/></svg>\x0a\
\
\x00\x00\x01\x0d\
<\
svg xmlns=\x22http:\
//www.w3.org/200\
0/svg\x22 width=\x2224\
\x22 height=\x2224\x22 vi\
ewBox=\x220 0 24 24\
\x22 fill=\x22none\x22 st\
roke=\x22currentCol\
or\x22 stroke-width\
=\x222\x22 stroke-line\
cap=\x22round\x22 stro\
ke-linejoin=\x22rou\
nd\x22><path d=\x22M21\
 8l-9-5-9 5v8l9 \
5 9-5z\x22/><path d\
=\x22M3 8l9 5 9-5\x22/\
><path d=\x22M12 13\
v8\x22/></svg>\x0a\
"

qt_resource_name = b"\
\x00\x03\
\x00\x00vC\
\x00o\
\x00m\x00s\
\x00\x05\
\x00o\xa6S\
\x00i\
\x00c\x00o\x00n\x00s\
\x00\x05\
\x00z\xc0%\
\x00s\
\x00t\x00y\x00l\x00e\
\x00\x0b\
\x00\xd4\x09\xc3\
\x00s\
\x00t\x00a\x00t\x00i\x00o\x00n\x00.\x00q\x00s\x00s\
\x00\x0a\
\x05x\xd4\xa7\
\x00u\
\x00p\x00l\x00o\x00a\x00d\x00.\x00s\x00v\x00g\
\x00\x0f\
\x08\x97\xd8\xc7\
\x00s\
\x00w\x00i\x00t\x00c\x00h\x00-\x00u\x00s\x00e\x00r\x00.\x00s\x00v\x00g\
\x00\x08\
\x02zWg\
\x00f\
\x00l\x00a\x00g\x00.\x00s\x00v\x00g\
\x00\x0c\
\x09\xf8\x98G\
\x00s\
\x00i\x00g\x00n\x00-\x00o\x00u\x00t\x00.\x00s\x00v\x00g\
\x00\x09\
\x0c\x97\x8a\x87\
\x00a\
\x00l\x00e\x00r\x00t\x00.\x00s\x00v\x00g\
\x00\x09\
\x06\x98\x8e\xa7\
\x00c\
\x00l\x00o\x00s\x00e\x00.\x00s\x00v\x00g\
\x00\x08\
\x09\xc5UG\
\x00u\
\x00s\x00e\x00r\x00.\x00s\x00v\x00g\
\x00\x08\
\x09\x81U\xe7\
\x00s\
\x00c\x00a\x00n\x00.\x00s\x00v\x00g\
\x00\x07\
\x08sZ\x07\
\x00a\
\x00p\x00p\x00.\x00s\x00v\x00g\
\x00\x0a\
\x08\x94m\xc7\
\x00s\
\x00e\x00a\x00r\x00c\x00h\x00.\x00s\x00v\x00g\
\x00\x09\
\x0b\x9e\x89\x07\
\x00c\
\x00h\x00e\x00c\x00k\x00.\x00s\x00v\x00g\
\x00\x16\
\x06\x98k\xe7\
\x00c\
\x00h\x00e\x00v\x00r\x00o\x00n\x00-\x00d\x00o\x00w\x00n\x00-\x00m\x00u\x00t\x00e\
\x00d\x00.\x00s\x00v\x00g\
\x00\x0b\
\x0c\x9b\xae\x87\
\x00p\
\x00i\x00c\x00k\x00u\x00p\x00s\x00.\x00s\x00v\x00g\
"

qt_resource_struct = b"\
\x00\x00\x00\x00\x00\x02\x00\x00\x00\x01\x00\x00\x00\x01\
\x00\x00\x00\x00\x00\x02\x00\x00\x00\x02\x00\x00\x00\x02\
\x00\x00\x00\x0c\x00\x02\x00\x00\x00\x0d\x00\x00\x00\x05\
\x00\x00\x00\x1c\x00\x02\x00\x00\x00\x01\x00\x00\x00\x04\
\x00\x00\x00,\x00\x00\x00\x00\x00\x01\x00\x00\x00\x00\
\x00\x00\x00\x86\x00\x00\x00\x00\x00\x01\x00\x00,\xe9\
\x00\x00\x00H\x00\x00\x00\x00\x00\x01\x00\x00*\xb9\
\x00\x00\x01\x5c\x00\x00\x00\x00\x00\x01\x00\x009\x0d\
\x00\x00\x00\xd2\x00\x00\x00\x00\x00\x01\x00\x000=\
\x00\x00\x01\x16\x00\x00\x00\x00\x00\x01\x00\x003\xd4\
\x00\x00\x01*\x00\x00\x00\x00\x00\x01\x00\x0078\
\x00\x00\x00b\x00\x00\x00\x00\x00\x01\x00\x00+\xb9\
\x00\x00\x01\x00\x00\x00\x00\x00\x00\x01\x00\x002;\
\x00\x00\x00\xea\x00\x00\x00\x00\x00\x01\x00\x001)\
\x00\x00\x00\x9c\x00\x00\x00\x00\x00\x01\x00\x00-\xda\
\x00\x00\x01D\x00\x00\x00\x00\x00\x01\x00\x0082\
\x00\x00\x00\xba\x00\x00\x00\x00\x00\x01\x00\x00.\xfb\
\x00\x00\x01\x8e\x00\x00\x00\x00\x00\x01\x00\x009\xe2\
"

def qInitResources():
    QtCore.qRegisterResourceData(0x01, qt_resource_struct, qt_resource_name, qt_resource_data)

def qCleanupResources():
    QtCore.qUnregisterResourceData(0x01, qt_resource_struct, qt_resource_name, qt_resource_data)

qInitResources()

# mypy: ignore-errors
# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'mainwindow.ui'
##
## Created by: Qt User Interface Compiler version 6.11.3
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import (QCoreApplication, QDate, QDateTime, QLocale,
    QMetaObject, QObject, QPoint, QRect,
    QSize, QTime, QUrl, Qt)
from PySide6.QtGui import (QBrush, QColor, QConicalGradient, QCursor,
    QFont, QFontDatabase, QGradient, QIcon,
    QImage, QKeySequence, QLinearGradient, QPainter,
    QPalette, QPixmap, QRadialGradient, QTransform)
from PySide6.QtWidgets import (QApplication, QFrame, QHBoxLayout, QLabel,
    QLineEdit, QListWidget, QListWidgetItem, QMainWindow,
    QSizePolicy, QSpacerItem, QStackedWidget, QStatusBar,
    QToolButton, QVBoxLayout, QWidget)

class Ui_MainWindow(object):
    def setupUi(self, MainWindow):
        if not MainWindow.objectName():
            MainWindow.setObjectName(u"MainWindow")
        MainWindow.resize(1366, 860)
        MainWindow.setMinimumSize(QSize(1024, 640))
        self.central = QWidget(MainWindow)
        self.central.setObjectName(u"central")
        self.centralLayout = QVBoxLayout(self.central)
        self.centralLayout.setSpacing(0)
        self.centralLayout.setObjectName(u"centralLayout")
        self.centralLayout.setContentsMargins(0, 0, 0, 0)
        self.topBar = QFrame(self.central)
        self.topBar.setObjectName(u"topBar")
        self.topBarLayout = QHBoxLayout(self.topBar)
        self.topBarLayout.setSpacing(12)
        self.topBarLayout.setObjectName(u"topBarLayout")
        self.topBarLayout.setContentsMargins(18, 0, 12, 0)
        self.brandIcon = QLabel(self.topBar)
        self.brandIcon.setObjectName(u"brandIcon")
        self.brandIcon.setMinimumSize(QSize(32, 32))
        self.brandIcon.setMaximumSize(QSize(32, 32))

        self.topBarLayout.addWidget(self.brandIcon)

        self.brandLabel = QLabel(self.topBar)
        self.brandLabel.setObjectName(u"brandLabel")

        self.topBarLayout.addWidget(self.brandLabel)

        self.storeLabel = QLabel(self.topBar)
        self.storeLabel.setObjectName(u"storeLabel")

        self.topBarLayout.addWidget(self.storeLabel)

        self.topBarSpacer = QSpacerItem(40, 20, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.topBarLayout.addItem(self.topBarSpacer)

        self.scanEdit = QLineEdit(self.topBar)
        self.scanEdit.setObjectName(u"scanEdit")
        self.scanEdit.setMinimumSize(QSize(380, 0))
        self.scanEdit.setMaximumSize(QSize(520, 16777215))
        self.scanEdit.setClearButtonEnabled(True)

        self.topBarLayout.addWidget(self.scanEdit)

        self.staffButton = QToolButton(self.topBar)
        self.staffButton.setObjectName(u"staffButton")
        self.staffButton.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.staffButton.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)

        self.topBarLayout.addWidget(self.staffButton)

        self.settingsButton = QToolButton(self.topBar)
        self.settingsButton.setObjectName(u"settingsButton")

        self.topBarLayout.addWidget(self.settingsButton)


        self.centralLayout.addWidget(self.topBar)

        self.pages = QStackedWidget(self.central)
        self.pages.setObjectName(u"pages")
        self.startPage = QWidget()
        self.startPage.setObjectName(u"startPage")
        self.startLayout = QVBoxLayout(self.startPage)
        self.startLayout.setObjectName(u"startLayout")
        self.startLayout.setContentsMargins(0, 0, 0, 0)
        self.pages.addWidget(self.startPage)
        self.signInPage = QWidget()
        self.signInPage.setObjectName(u"signInPage")
        self.signInLayout = QVBoxLayout(self.signInPage)
        self.signInLayout.setObjectName(u"signInLayout")
        self.signInLayout.setContentsMargins(0, 0, 0, 0)
        self.pages.addWidget(self.signInPage)
        self.workPage = QWidget()
        self.workPage.setObjectName(u"workPage")
        self.workLayout = QHBoxLayout(self.workPage)
        self.workLayout.setSpacing(0)
        self.workLayout.setObjectName(u"workLayout")
        self.workLayout.setContentsMargins(0, 0, 0, 0)
        self.navRail = QListWidget(self.workPage)
        self.navRail.setObjectName(u"navRail")
        self.navRail.setMinimumSize(QSize(208, 0))
        self.navRail.setMaximumSize(QSize(208, 16777215))
        self.navRail.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.navRail.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.navRail.setIconSize(QSize(22, 22))

        self.workLayout.addWidget(self.navRail)

        self.workStack = QStackedWidget(self.workPage)
        self.workStack.setObjectName(u"workStack")

        self.workLayout.addWidget(self.workStack)

        self.pages.addWidget(self.workPage)

        self.centralLayout.addWidget(self.pages)

        MainWindow.setCentralWidget(self.central)
        self.statusbar = QStatusBar(MainWindow)
        self.statusbar.setObjectName(u"statusbar")
        self.statusbar.setSizeGripEnabled(False)
        MainWindow.setStatusBar(self.statusbar)

        self.retranslateUi(MainWindow)

        QMetaObject.connectSlotsByName(MainWindow)
    # setupUi

    def retranslateUi(self, MainWindow):
        MainWindow.setWindowTitle(QCoreApplication.translate("MainWindow", u"Counter \u2014 desktop-oms", None))
        self.brandLabel.setText(QCoreApplication.translate("MainWindow", u"Counter", None))
        self.storeLabel.setText("")
#if QT_CONFIG(tooltip)
        self.scanEdit.setToolTip(QCoreApplication.translate("MainWindow", u"Scan an order or pickup code, or type an order number and press Enter", None))
#endif // QT_CONFIG(tooltip)
        self.scanEdit.setPlaceholderText(QCoreApplication.translate("MainWindow", u"Scan or type an order number", None))
#if QT_CONFIG(tooltip)
        self.staffButton.setToolTip(QCoreApplication.translate("MainWindow", u"Switch user or sign out", None))
#endif // QT_CONFIG(tooltip)
        self.staffButton.setText("")
#if QT_CONFIG(tooltip)
        self.settingsButton.setToolTip(QCoreApplication.translate("MainWindow", u"Settings: scanners, sound and the scan log", None))
#endif // QT_CONFIG(tooltip)
#if QT_CONFIG(accessibility)
        self.settingsButton.setAccessibleName(QCoreApplication.translate("MainWindow", u"Settings", None))
#endif // QT_CONFIG(accessibility)
        self.settingsButton.setText("")
    # retranslateUi


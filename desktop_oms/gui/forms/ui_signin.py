# mypy: ignore-errors
# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'signin.ui'
##
## Created by: Qt User Interface Compiler version 6.12.0
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
    QLineEdit, QPushButton, QSizePolicy, QSpacerItem,
    QVBoxLayout, QWidget)

class Ui_SignInView(object):
    def setupUi(self, SignInView):
        if not SignInView.objectName():
            SignInView.setObjectName(u"SignInView")
        SignInView.resize(900, 720)
        self.outerLayout = QVBoxLayout(SignInView)
        self.outerLayout.setObjectName(u"outerLayout")
        self.topSpacer = QSpacerItem(20, 40, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.outerLayout.addItem(self.topSpacer)

        self.centerLayout = QHBoxLayout()
        self.centerLayout.setObjectName(u"centerLayout")
        self.leftSpacer = QSpacerItem(40, 20, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.centerLayout.addItem(self.leftSpacer)

        self.signInCard = QFrame(SignInView)
        self.signInCard.setObjectName(u"signInCard")
        self.signInCard.setMinimumSize(QSize(460, 0))
        self.signInCard.setMaximumSize(QSize(460, 16777215))
        self.cardLayout = QVBoxLayout(self.signInCard)
        self.cardLayout.setSpacing(10)
        self.cardLayout.setObjectName(u"cardLayout")
        self.cardLayout.setContentsMargins(36, 32, 36, 32)
        self.logoLabel = QLabel(self.signInCard)
        self.logoLabel.setObjectName(u"logoLabel")
        self.logoLabel.setMinimumSize(QSize(56, 56))
        self.logoLabel.setMaximumSize(QSize(56, 56))

        self.cardLayout.addWidget(self.logoLabel)

        self.signInTitle = QLabel(self.signInCard)
        self.signInTitle.setObjectName(u"signInTitle")

        self.cardLayout.addWidget(self.signInTitle)

        self.signInSubtitle = QLabel(self.signInCard)
        self.signInSubtitle.setObjectName(u"signInSubtitle")
        self.signInSubtitle.setWordWrap(True)
        self.signInSubtitle.setProperty(u"muted", True)

        self.cardLayout.addWidget(self.signInSubtitle)

        self.titleSpacer = QSpacerItem(20, 8, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Fixed)

        self.cardLayout.addItem(self.titleSpacer)

        self.usernameLabel = QLabel(self.signInCard)
        self.usernameLabel.setObjectName(u"usernameLabel")

        self.cardLayout.addWidget(self.usernameLabel)

        self.usernameEdit = QLineEdit(self.signInCard)
        self.usernameEdit.setObjectName(u"usernameEdit")
        self.usernameEdit.setInputMethodHints(Qt.InputMethodHint.ImhNoAutoUppercase|Qt.InputMethodHint.ImhNoPredictiveText)

        self.cardLayout.addWidget(self.usernameEdit)

        self.pinLabel = QLabel(self.signInCard)
        self.pinLabel.setObjectName(u"pinLabel")

        self.cardLayout.addWidget(self.pinLabel)

        self.pinEdit = QLineEdit(self.signInCard)
        self.pinEdit.setObjectName(u"pinEdit")
        self.pinEdit.setMaxLength(64)
        self.pinEdit.setEchoMode(QLineEdit.EchoMode.Password)
        self.pinEdit.setInputMethodHints(Qt.InputMethodHint.ImhDigitsOnly|Qt.InputMethodHint.ImhSensitiveData)

        self.cardLayout.addWidget(self.pinEdit)

        self.signInError = QLabel(self.signInCard)
        self.signInError.setObjectName(u"signInError")
        self.signInError.setWordWrap(True)

        self.cardLayout.addWidget(self.signInError)

        self.signInButton = QPushButton(self.signInCard)
        self.signInButton.setObjectName(u"signInButton")
        self.signInButton.setProperty(u"accent", True)

        self.cardLayout.addWidget(self.signInButton)

        self.demoBox = QFrame(self.signInCard)
        self.demoBox.setObjectName(u"demoBox")
        self.demoLayout = QVBoxLayout(self.demoBox)
        self.demoLayout.setObjectName(u"demoLayout")
        self.demoLayout.setContentsMargins(14, 12, 14, 12)
        self.demoLabel = QLabel(self.demoBox)
        self.demoLabel.setObjectName(u"demoLabel")
        self.demoLabel.setTextFormat(Qt.TextFormat.RichText)
        self.demoLabel.setWordWrap(True)
        self.demoLabel.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.demoLayout.addWidget(self.demoLabel)


        self.cardLayout.addWidget(self.demoBox)

        self.footnoteLabel = QLabel(self.signInCard)
        self.footnoteLabel.setObjectName(u"footnoteLabel")
        self.footnoteLabel.setWordWrap(True)
        self.footnoteLabel.setProperty(u"faint", True)

        self.cardLayout.addWidget(self.footnoteLabel)


        self.centerLayout.addWidget(self.signInCard)

        self.rightSpacer = QSpacerItem(40, 20, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.centerLayout.addItem(self.rightSpacer)


        self.outerLayout.addLayout(self.centerLayout)

        self.bottomSpacer = QSpacerItem(20, 40, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.outerLayout.addItem(self.bottomSpacer)

#if QT_CONFIG(shortcut)
        self.usernameLabel.setBuddy(self.usernameEdit)
        self.pinLabel.setBuddy(self.pinEdit)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.usernameEdit, self.pinEdit)
        QWidget.setTabOrder(self.pinEdit, self.signInButton)

        self.retranslateUi(SignInView)

        self.signInButton.setDefault(True)


        QMetaObject.connectSlotsByName(SignInView)
    # setupUi

    def retranslateUi(self, SignInView):
        SignInView.setWindowTitle(QCoreApplication.translate("SignInView", u"Sign in", None))
        self.signInTitle.setText(QCoreApplication.translate("SignInView", u"Sign in", None))
        self.signInSubtitle.setText(QCoreApplication.translate("SignInView", u"Scan your badge, or enter your username and PIN.", None))
        self.usernameLabel.setText(QCoreApplication.translate("SignInView", u"Username or badge", None))
        self.usernameEdit.setPlaceholderText(QCoreApplication.translate("SignInView", u"e.g. ams1.associate", None))
        self.pinLabel.setText(QCoreApplication.translate("SignInView", u"PIN", None))
        self.pinEdit.setPlaceholderText(QCoreApplication.translate("SignInView", u"\u2022\u2022\u2022\u2022", None))
        self.signInError.setText("")
        self.signInButton.setText(QCoreApplication.translate("SignInView", u"Sign in", None))
        self.demoLabel.setText("")
        self.footnoteLabel.setText("")
    # retranslateUi


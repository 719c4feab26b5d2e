# mypy: ignore-errors
# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'settings.ui'
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
from PySide6.QtWidgets import (QApplication, QCheckBox, QComboBox, QDialog,
    QFormLayout, QFrame, QHBoxLayout, QLabel,
    QLineEdit, QPushButton, QSizePolicy, QSlider,
    QSpacerItem, QSpinBox, QTabWidget, QVBoxLayout,
    QWidget)

class Ui_SettingsDialog(object):
    def setupUi(self, SettingsDialog):
        if not SettingsDialog.objectName():
            SettingsDialog.setObjectName(u"SettingsDialog")
        SettingsDialog.resize(1180, 720)
        SettingsDialog.setMinimumSize(QSize(920, 700))
        self.dialogLayout = QVBoxLayout(SettingsDialog)
        self.dialogLayout.setSpacing(14)
        self.dialogLayout.setObjectName(u"dialogLayout")
        self.dialogLayout.setContentsMargins(28, 22, 28, 20)
        self.settingsTitle = QLabel(SettingsDialog)
        self.settingsTitle.setObjectName(u"settingsTitle")

        self.dialogLayout.addWidget(self.settingsTitle)

        self.tabs = QTabWidget(SettingsDialog)
        self.tabs.setObjectName(u"tabs")
        self.scannerTab = QWidget()
        self.scannerTab.setObjectName(u"scannerTab")
        self.scannerLayout = QVBoxLayout(self.scannerTab)
        self.scannerLayout.setSpacing(16)
        self.scannerLayout.setObjectName(u"scannerLayout")
        self.scannerLayout.setContentsMargins(0, 18, 0, 0)
        self.columnsLayout = QHBoxLayout()
        self.columnsLayout.setSpacing(16)
        self.columnsLayout.setObjectName(u"columnsLayout")
        self.wedgeCard = QFrame(self.scannerTab)
        self.wedgeCard.setObjectName(u"wedgeCard")
        self.wedgeCard.setProperty(u"card", True)
        self.wedgeLayout = QVBoxLayout(self.wedgeCard)
        self.wedgeLayout.setSpacing(10)
        self.wedgeLayout.setObjectName(u"wedgeLayout")
        self.wedgeLayout.setContentsMargins(20, 16, 20, 18)
        self.wedgeTitle = QLabel(self.wedgeCard)
        self.wedgeTitle.setObjectName(u"wedgeTitle")
        self.wedgeTitle.setProperty(u"section", True)

        self.wedgeLayout.addWidget(self.wedgeTitle)

        self.wedgeEnabled = QCheckBox(self.wedgeCard)
        self.wedgeEnabled.setObjectName(u"wedgeEnabled")

        self.wedgeLayout.addWidget(self.wedgeEnabled)

        self.wedgeForm = QFormLayout()
        self.wedgeForm.setObjectName(u"wedgeForm")
        self.wedgeForm.setLabelAlignment(Qt.AlignmentFlag.AlignLeading|Qt.AlignmentFlag.AlignVCenter)
        self.wedgeForm.setHorizontalSpacing(16)
        self.wedgeForm.setVerticalSpacing(10)
        self.wedgeForm.setContentsMargins(0, 4, 0, 0)
        self.maxAverageLabel = QLabel(self.wedgeCard)
        self.maxAverageLabel.setObjectName(u"maxAverageLabel")
        self.maxAverageLabel.setMinimumSize(QSize(0, 42))
        self.maxAverageLabel.setAlignment(Qt.AlignmentFlag.AlignLeading|Qt.AlignmentFlag.AlignVCenter)

        self.wedgeForm.setWidget(0, QFormLayout.ItemRole.LabelRole, self.maxAverageLabel)

        self.maxAverageSpin = QSpinBox(self.wedgeCard)
        self.maxAverageSpin.setObjectName(u"maxAverageSpin")
        self.maxAverageSpin.setMinimum(1)
        self.maxAverageSpin.setMaximum(200)

        self.wedgeForm.setWidget(0, QFormLayout.ItemRole.FieldRole, self.maxAverageSpin)

        self.timeoutLabel = QLabel(self.wedgeCard)
        self.timeoutLabel.setObjectName(u"timeoutLabel")
        self.timeoutLabel.setMinimumSize(QSize(0, 42))
        self.timeoutLabel.setAlignment(Qt.AlignmentFlag.AlignLeading|Qt.AlignmentFlag.AlignVCenter)

        self.wedgeForm.setWidget(1, QFormLayout.ItemRole.LabelRole, self.timeoutLabel)

        self.timeoutSpin = QSpinBox(self.wedgeCard)
        self.timeoutSpin.setObjectName(u"timeoutSpin")
        self.timeoutSpin.setMinimum(1)
        self.timeoutSpin.setMaximum(1000)

        self.wedgeForm.setWidget(1, QFormLayout.ItemRole.FieldRole, self.timeoutSpin)

        self.minLengthLabel = QLabel(self.wedgeCard)
        self.minLengthLabel.setObjectName(u"minLengthLabel")
        self.minLengthLabel.setMinimumSize(QSize(0, 42))
        self.minLengthLabel.setAlignment(Qt.AlignmentFlag.AlignLeading|Qt.AlignmentFlag.AlignVCenter)

        self.wedgeForm.setWidget(2, QFormLayout.ItemRole.LabelRole, self.minLengthLabel)

        self.minLengthSpin = QSpinBox(self.wedgeCard)
        self.minLengthSpin.setObjectName(u"minLengthSpin")
        self.minLengthSpin.setMinimum(1)
        self.minLengthSpin.setMaximum(100)

        self.wedgeForm.setWidget(2, QFormLayout.ItemRole.FieldRole, self.minLengthSpin)

        self.terminatorLabel = QLabel(self.wedgeCard)
        self.terminatorLabel.setObjectName(u"terminatorLabel")
        self.terminatorLabel.setMinimumSize(QSize(0, 42))
        self.terminatorLabel.setAlignment(Qt.AlignmentFlag.AlignLeading|Qt.AlignmentFlag.AlignVCenter)

        self.wedgeForm.setWidget(3, QFormLayout.ItemRole.LabelRole, self.terminatorLabel)

        self.terminatorBox = QWidget(self.wedgeCard)
        self.terminatorBox.setObjectName(u"terminatorBox")
        self.terminatorBox.setMinimumSize(QSize(0, 42))
        self.terminatorLayout = QHBoxLayout(self.terminatorBox)
        self.terminatorLayout.setSpacing(18)
        self.terminatorLayout.setObjectName(u"terminatorLayout")
        self.terminatorLayout.setContentsMargins(0, 0, 0, 0)
        self.enterCheck = QCheckBox(self.terminatorBox)
        self.enterCheck.setObjectName(u"enterCheck")

        self.terminatorLayout.addWidget(self.enterCheck)

        self.tabCheck = QCheckBox(self.terminatorBox)
        self.tabCheck.setObjectName(u"tabCheck")

        self.terminatorLayout.addWidget(self.tabCheck)

        self.terminatorSpacer = QSpacerItem(40, 20, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.terminatorLayout.addItem(self.terminatorSpacer)


        self.wedgeForm.setWidget(3, QFormLayout.ItemRole.FieldRole, self.terminatorBox)

        self.prefixLabel = QLabel(self.wedgeCard)
        self.prefixLabel.setObjectName(u"prefixLabel")
        self.prefixLabel.setMinimumSize(QSize(0, 42))
        self.prefixLabel.setAlignment(Qt.AlignmentFlag.AlignLeading|Qt.AlignmentFlag.AlignVCenter)

        self.wedgeForm.setWidget(4, QFormLayout.ItemRole.LabelRole, self.prefixLabel)

        self.prefixEdit = QLineEdit(self.wedgeCard)
        self.prefixEdit.setObjectName(u"prefixEdit")
        self.prefixEdit.setMaxLength(8)

        self.wedgeForm.setWidget(4, QFormLayout.ItemRole.FieldRole, self.prefixEdit)


        self.wedgeLayout.addLayout(self.wedgeForm)

        self.wedgeHint = QLabel(self.wedgeCard)
        self.wedgeHint.setObjectName(u"wedgeHint")
        self.wedgeHint.setProperty(u"muted", True)
        self.wedgeHint.setWordWrap(True)

        self.wedgeLayout.addWidget(self.wedgeHint)

        self.wedgeSpacer = QSpacerItem(20, 10, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.wedgeLayout.addItem(self.wedgeSpacer)

        self.tryCard = QFrame(self.wedgeCard)
        self.tryCard.setObjectName(u"tryCard")
        self.tryCard.setProperty(u"banner", u"info")
        self.tryCardLayout = QHBoxLayout(self.tryCard)
        self.tryCardLayout.setSpacing(12)
        self.tryCardLayout.setObjectName(u"tryCardLayout")
        self.tryCardLayout.setContentsMargins(14, 10, 14, 10)
        self.tryIcon = QLabel(self.tryCard)
        self.tryIcon.setObjectName(u"tryIcon")
        self.tryIcon.setMinimumSize(QSize(22, 22))
        self.tryIcon.setMaximumSize(QSize(22, 22))

        self.tryCardLayout.addWidget(self.tryIcon)

        self.lastScanLabel = QLabel(self.tryCard)
        self.lastScanLabel.setObjectName(u"lastScanLabel")
        self.lastScanLabel.setWordWrap(True)

        self.tryCardLayout.addWidget(self.lastScanLabel)


        self.wedgeLayout.addWidget(self.tryCard)


        self.columnsLayout.addWidget(self.wedgeCard)

        self.rightColumn = QVBoxLayout()
        self.rightColumn.setSpacing(16)
        self.rightColumn.setObjectName(u"rightColumn")
        self.serialCard = QFrame(self.scannerTab)
        self.serialCard.setObjectName(u"serialCard")
        self.serialCard.setProperty(u"card", True)
        self.serialLayout = QVBoxLayout(self.serialCard)
        self.serialLayout.setSpacing(10)
        self.serialLayout.setObjectName(u"serialLayout")
        self.serialLayout.setContentsMargins(20, 16, 20, 18)
        self.serialTitle = QLabel(self.serialCard)
        self.serialTitle.setObjectName(u"serialTitle")
        self.serialTitle.setProperty(u"section", True)

        self.serialLayout.addWidget(self.serialTitle)

        self.serialForm = QFormLayout()
        self.serialForm.setObjectName(u"serialForm")
        self.serialForm.setLabelAlignment(Qt.AlignmentFlag.AlignLeading|Qt.AlignmentFlag.AlignVCenter)
        self.serialForm.setHorizontalSpacing(16)
        self.serialForm.setVerticalSpacing(10)
        self.serialForm.setContentsMargins(0, 4, 0, 0)
        self.portLabel = QLabel(self.serialCard)
        self.portLabel.setObjectName(u"portLabel")
        self.portLabel.setMinimumSize(QSize(0, 42))
        self.portLabel.setAlignment(Qt.AlignmentFlag.AlignLeading|Qt.AlignmentFlag.AlignVCenter)

        self.serialForm.setWidget(0, QFormLayout.ItemRole.LabelRole, self.portLabel)

        self.portBox = QWidget(self.serialCard)
        self.portBox.setObjectName(u"portBox")
        self.portLayout = QHBoxLayout(self.portBox)
        self.portLayout.setSpacing(8)
        self.portLayout.setObjectName(u"portLayout")
        self.portLayout.setContentsMargins(0, 0, 0, 0)
        self.portCombo = QComboBox(self.portBox)
        self.portCombo.setObjectName(u"portCombo")
        self.portCombo.setEditable(True)
        sizePolicy = QSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        sizePolicy.setHorizontalStretch(1)
        sizePolicy.setVerticalStretch(0)
        sizePolicy.setHeightForWidth(self.portCombo.sizePolicy().hasHeightForWidth())
        self.portCombo.setSizePolicy(sizePolicy)

        self.portLayout.addWidget(self.portCombo)

        self.refreshPortsButton = QPushButton(self.portBox)
        self.refreshPortsButton.setObjectName(u"refreshPortsButton")

        self.portLayout.addWidget(self.refreshPortsButton)


        self.serialForm.setWidget(0, QFormLayout.ItemRole.FieldRole, self.portBox)

        self.baudLabel = QLabel(self.serialCard)
        self.baudLabel.setObjectName(u"baudLabel")
        self.baudLabel.setMinimumSize(QSize(0, 42))
        self.baudLabel.setAlignment(Qt.AlignmentFlag.AlignLeading|Qt.AlignmentFlag.AlignVCenter)

        self.serialForm.setWidget(1, QFormLayout.ItemRole.LabelRole, self.baudLabel)

        self.baudCombo = QComboBox(self.serialCard)
        self.baudCombo.setObjectName(u"baudCombo")

        self.serialForm.setWidget(1, QFormLayout.ItemRole.FieldRole, self.baudCombo)

        self.lineEndingLabel = QLabel(self.serialCard)
        self.lineEndingLabel.setObjectName(u"lineEndingLabel")
        self.lineEndingLabel.setMinimumSize(QSize(0, 42))
        self.lineEndingLabel.setAlignment(Qt.AlignmentFlag.AlignLeading|Qt.AlignmentFlag.AlignVCenter)

        self.serialForm.setWidget(2, QFormLayout.ItemRole.LabelRole, self.lineEndingLabel)

        self.lineEndingCombo = QComboBox(self.serialCard)
        self.lineEndingCombo.setObjectName(u"lineEndingCombo")

        self.serialForm.setWidget(2, QFormLayout.ItemRole.FieldRole, self.lineEndingCombo)

        self.portStatusTitle = QLabel(self.serialCard)
        self.portStatusTitle.setObjectName(u"portStatusTitle")
        self.portStatusTitle.setMinimumSize(QSize(0, 42))
        self.portStatusTitle.setAlignment(Qt.AlignmentFlag.AlignLeading|Qt.AlignmentFlag.AlignVCenter)

        self.serialForm.setWidget(3, QFormLayout.ItemRole.LabelRole, self.portStatusTitle)

        self.portStatusLabel = QLabel(self.serialCard)
        self.portStatusLabel.setObjectName(u"portStatusLabel")
        self.portStatusLabel.setWordWrap(True)

        self.serialForm.setWidget(3, QFormLayout.ItemRole.FieldRole, self.portStatusLabel)


        self.serialLayout.addLayout(self.serialForm)

        self.serialSpacer = QSpacerItem(20, 10, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.serialLayout.addItem(self.serialSpacer)


        self.rightColumn.addWidget(self.serialCard)

        self.soundCard = QFrame(self.scannerTab)
        self.soundCard.setObjectName(u"soundCard")
        self.soundCard.setProperty(u"card", True)
        self.soundLayout = QVBoxLayout(self.soundCard)
        self.soundLayout.setSpacing(10)
        self.soundLayout.setObjectName(u"soundLayout")
        self.soundLayout.setContentsMargins(20, 16, 20, 18)
        self.soundTitle = QLabel(self.soundCard)
        self.soundTitle.setObjectName(u"soundTitle")
        self.soundTitle.setProperty(u"section", True)

        self.soundLayout.addWidget(self.soundTitle)

        self.soundForm = QFormLayout()
        self.soundForm.setObjectName(u"soundForm")
        self.soundForm.setLabelAlignment(Qt.AlignmentFlag.AlignLeading|Qt.AlignmentFlag.AlignVCenter)
        self.soundForm.setHorizontalSpacing(16)
        self.soundForm.setVerticalSpacing(10)
        self.soundForm.setContentsMargins(0, 4, 0, 0)
        self.volumeLabel = QLabel(self.soundCard)
        self.volumeLabel.setObjectName(u"volumeLabel")
        self.volumeLabel.setMinimumSize(QSize(0, 42))
        self.volumeLabel.setAlignment(Qt.AlignmentFlag.AlignLeading|Qt.AlignmentFlag.AlignVCenter)

        self.soundForm.setWidget(0, QFormLayout.ItemRole.LabelRole, self.volumeLabel)

        self.volumeBox = QWidget(self.soundCard)
        self.volumeBox.setObjectName(u"volumeBox")
        self.volumeBox.setMinimumSize(QSize(0, 42))
        self.volumeLayout = QHBoxLayout(self.volumeBox)
        self.volumeLayout.setSpacing(12)
        self.volumeLayout.setObjectName(u"volumeLayout")
        self.volumeLayout.setContentsMargins(0, 0, 0, 0)
        self.volumeSlider = QSlider(self.volumeBox)
        self.volumeSlider.setObjectName(u"volumeSlider")
        self.volumeSlider.setMaximum(100)
        self.volumeSlider.setPageStep(10)
        self.volumeSlider.setOrientation(Qt.Orientation.Horizontal)

        self.volumeLayout.addWidget(self.volumeSlider)

        self.volumeValue = QLabel(self.volumeBox)
        self.volumeValue.setObjectName(u"volumeValue")

        self.volumeLayout.addWidget(self.volumeValue)

        self.muteCheck = QCheckBox(self.volumeBox)
        self.muteCheck.setObjectName(u"muteCheck")

        self.volumeLayout.addWidget(self.muteCheck)


        self.soundForm.setWidget(0, QFormLayout.ItemRole.FieldRole, self.volumeBox)

        self.tryLabel = QLabel(self.soundCard)
        self.tryLabel.setObjectName(u"tryLabel")
        self.tryLabel.setMinimumSize(QSize(0, 42))
        self.tryLabel.setAlignment(Qt.AlignmentFlag.AlignLeading|Qt.AlignmentFlag.AlignVCenter)

        self.soundForm.setWidget(1, QFormLayout.ItemRole.LabelRole, self.tryLabel)

        self.tryBox = QWidget(self.soundCard)
        self.tryBox.setObjectName(u"tryBox")
        self.tryLayout = QHBoxLayout(self.tryBox)
        self.tryLayout.setSpacing(8)
        self.tryLayout.setObjectName(u"tryLayout")
        self.tryLayout.setContentsMargins(0, 0, 0, 0)
        self.playGoodButton = QPushButton(self.tryBox)
        self.playGoodButton.setObjectName(u"playGoodButton")

        self.tryLayout.addWidget(self.playGoodButton)

        self.playBadButton = QPushButton(self.tryBox)
        self.playBadButton.setObjectName(u"playBadButton")

        self.tryLayout.addWidget(self.playBadButton)

        self.trySpacer = QSpacerItem(40, 20, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.tryLayout.addItem(self.trySpacer)


        self.soundForm.setWidget(1, QFormLayout.ItemRole.FieldRole, self.tryBox)


        self.soundLayout.addLayout(self.soundForm)

        self.soundStatus = QLabel(self.soundCard)
        self.soundStatus.setObjectName(u"soundStatus")
        self.soundStatus.setProperty(u"muted", True)
        self.soundStatus.setWordWrap(True)

        self.soundLayout.addWidget(self.soundStatus)

        self.soundSpacer = QSpacerItem(20, 10, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.soundLayout.addItem(self.soundSpacer)


        self.rightColumn.addWidget(self.soundCard)


        self.columnsLayout.addLayout(self.rightColumn)


        self.scannerLayout.addLayout(self.columnsLayout)

        self.scannerSpacer = QSpacerItem(20, 10, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.scannerLayout.addItem(self.scannerSpacer)

        self.tabs.addTab(self.scannerTab, "")
        self.diagnosticsTab = QWidget()
        self.diagnosticsTab.setObjectName(u"diagnosticsTab")
        self.diagnosticsLayout = QVBoxLayout(self.diagnosticsTab)
        self.diagnosticsLayout.setObjectName(u"diagnosticsLayout")
        self.diagnosticsLayout.setContentsMargins(0, 18, 0, 0)
        self.tabs.addTab(self.diagnosticsTab, "")

        self.dialogLayout.addWidget(self.tabs)

        self.settingsError = QLabel(SettingsDialog)
        self.settingsError.setObjectName(u"settingsError")
        self.settingsError.setWordWrap(True)

        self.dialogLayout.addWidget(self.settingsError)

        self.buttonsLayout = QHBoxLayout()
        self.buttonsLayout.setSpacing(10)
        self.buttonsLayout.setObjectName(u"buttonsLayout")
        self.restoreButton = QPushButton(SettingsDialog)
        self.restoreButton.setObjectName(u"restoreButton")

        self.buttonsLayout.addWidget(self.restoreButton)

        self.buttonsSpacer = QSpacerItem(40, 20, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.buttonsLayout.addItem(self.buttonsSpacer)

        self.cancelButton = QPushButton(SettingsDialog)
        self.cancelButton.setObjectName(u"cancelButton")

        self.buttonsLayout.addWidget(self.cancelButton)

        self.saveButton = QPushButton(SettingsDialog)
        self.saveButton.setObjectName(u"saveButton")

        self.buttonsLayout.addWidget(self.saveButton)


        self.dialogLayout.addLayout(self.buttonsLayout)

#if QT_CONFIG(shortcut)
        self.maxAverageLabel.setBuddy(self.maxAverageSpin)
        self.timeoutLabel.setBuddy(self.timeoutSpin)
        self.minLengthLabel.setBuddy(self.minLengthSpin)
        self.prefixLabel.setBuddy(self.prefixEdit)
        self.portLabel.setBuddy(self.portCombo)
        self.baudLabel.setBuddy(self.baudCombo)
        self.lineEndingLabel.setBuddy(self.lineEndingCombo)
        self.volumeLabel.setBuddy(self.volumeSlider)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.tabs, self.wedgeEnabled)
        QWidget.setTabOrder(self.wedgeEnabled, self.maxAverageSpin)
        QWidget.setTabOrder(self.maxAverageSpin, self.timeoutSpin)
        QWidget.setTabOrder(self.timeoutSpin, self.minLengthSpin)
        QWidget.setTabOrder(self.minLengthSpin, self.enterCheck)
        QWidget.setTabOrder(self.enterCheck, self.tabCheck)
        QWidget.setTabOrder(self.tabCheck, self.prefixEdit)
        QWidget.setTabOrder(self.prefixEdit, self.portCombo)
        QWidget.setTabOrder(self.portCombo, self.refreshPortsButton)
        QWidget.setTabOrder(self.refreshPortsButton, self.baudCombo)
        QWidget.setTabOrder(self.baudCombo, self.lineEndingCombo)
        QWidget.setTabOrder(self.lineEndingCombo, self.volumeSlider)
        QWidget.setTabOrder(self.volumeSlider, self.muteCheck)
        QWidget.setTabOrder(self.muteCheck, self.playGoodButton)
        QWidget.setTabOrder(self.playGoodButton, self.playBadButton)
        QWidget.setTabOrder(self.playBadButton, self.restoreButton)
        QWidget.setTabOrder(self.restoreButton, self.cancelButton)
        QWidget.setTabOrder(self.cancelButton, self.saveButton)

        self.retranslateUi(SettingsDialog)

        self.tabs.setCurrentIndex(0)


        QMetaObject.connectSlotsByName(SettingsDialog)
    # setupUi

    def retranslateUi(self, SettingsDialog):
        SettingsDialog.setWindowTitle(QCoreApplication.translate("SettingsDialog", u"Settings", None))
        self.settingsTitle.setText(QCoreApplication.translate("SettingsDialog", u"Settings", None))
        self.wedgeTitle.setText(QCoreApplication.translate("SettingsDialog", u"USB SCANNER (TYPES LIKE A KEYBOARD)", None))
        self.wedgeEnabled.setText(QCoreApplication.translate("SettingsDialog", u"Recognise scanners that type like a keyboard", None))
#if QT_CONFIG(tooltip)
        self.wedgeEnabled.setToolTip(QCoreApplication.translate("SettingsDialog", u"Off: every key goes to the field in front, as typed", None))
#endif // QT_CONFIG(tooltip)
        self.maxAverageLabel.setText(QCoreApplication.translate("SettingsDialog", u"Keys come at least every", None))
        self.maxAverageSpin.setSuffix(QCoreApplication.translate("SettingsDialog", u" ms on average", None))
#if QT_CONFIG(tooltip)
        self.maxAverageSpin.setToolTip(QCoreApplication.translate("SettingsDialog", u"A scanner types a character every 2\u201315 ms; a person rarely faster than 60 ms", None))
#endif // QT_CONFIG(tooltip)
        self.timeoutLabel.setText(QCoreApplication.translate("SettingsDialog", u"A pause ends a scan after", None))
        self.timeoutSpin.setSuffix(QCoreApplication.translate("SettingsDialog", u" ms", None))
#if QT_CONFIG(tooltip)
        self.timeoutSpin.setToolTip(QCoreApplication.translate("SettingsDialog", u"Also the longest a typed key waits before it reaches its field", None))
#endif // QT_CONFIG(tooltip)
        self.minLengthLabel.setText(QCoreApplication.translate("SettingsDialog", u"Shortest code", None))
        self.minLengthSpin.setSuffix(QCoreApplication.translate("SettingsDialog", u" characters", None))
#if QT_CONFIG(tooltip)
        self.minLengthSpin.setToolTip(QCoreApplication.translate("SettingsDialog", u"Shorter runs of keys are always typing", None))
#endif // QT_CONFIG(tooltip)
        self.terminatorLabel.setText(QCoreApplication.translate("SettingsDialog", u"Code ends with", None))
        self.enterCheck.setText(QCoreApplication.translate("SettingsDialog", u"Enter", None))
        self.tabCheck.setText(QCoreApplication.translate("SettingsDialog", u"Tab", None))
        self.prefixLabel.setText(QCoreApplication.translate("SettingsDialog", u"Prefix", None))
        self.prefixEdit.setPlaceholderText(QCoreApplication.translate("SettingsDialog", u"None", None))
#if QT_CONFIG(tooltip)
        self.prefixEdit.setToolTip(QCoreApplication.translate("SettingsDialog", u"Characters the scanner sends before each code (its prefix setting), left out of the code", None))
#endif // QT_CONFIG(tooltip)
        self.wedgeHint.setText(QCoreApplication.translate("SettingsDialog", u"Keys count as a scan only when they come this fast and end as set; a person typing always reaches the field they type in.", None))
        self.lastScanLabel.setText("")
        self.serialTitle.setText(QCoreApplication.translate("SettingsDialog", u"SERIAL SCANNER (COM PORT)", None))
        self.portLabel.setText(QCoreApplication.translate("SettingsDialog", u"Port", None))
#if QT_CONFIG(tooltip)
        self.portCombo.setToolTip(QCoreApplication.translate("SettingsDialog", u"The port the scanner is on; prefer the /dev/serial/by-id name, which survives replugging", None))
#endif // QT_CONFIG(tooltip)
        self.refreshPortsButton.setText(QCoreApplication.translate("SettingsDialog", u"Refresh", None))
#if QT_CONFIG(tooltip)
        self.refreshPortsButton.setToolTip(QCoreApplication.translate("SettingsDialog", u"Look for serial ports again", None))
#endif // QT_CONFIG(tooltip)
        self.baudLabel.setText(QCoreApplication.translate("SettingsDialog", u"Speed", None))
        self.lineEndingLabel.setText(QCoreApplication.translate("SettingsDialog", u"Line ending", None))
        self.portStatusTitle.setText(QCoreApplication.translate("SettingsDialog", u"Status", None))
        self.portStatusLabel.setText("")
        self.soundTitle.setText(QCoreApplication.translate("SettingsDialog", u"SOUND", None))
        self.volumeLabel.setText(QCoreApplication.translate("SettingsDialog", u"Volume", None))
        self.volumeValue.setText(QCoreApplication.translate("SettingsDialog", u"80 %", None))
        self.muteCheck.setText(QCoreApplication.translate("SettingsDialog", u"Mute", None))
#if QT_CONFIG(tooltip)
        self.muteCheck.setToolTip(QCoreApplication.translate("SettingsDialog", u"No scan sounds; the green or red flash still shows", None))
#endif // QT_CONFIG(tooltip)
        self.tryLabel.setText(QCoreApplication.translate("SettingsDialog", u"Try", None))
        self.playGoodButton.setText(QCoreApplication.translate("SettingsDialog", u"Good scan", None))
        self.playBadButton.setText(QCoreApplication.translate("SettingsDialog", u"Bad scan", None))
        self.soundStatus.setText("")
        self.tabs.setTabText(self.tabs.indexOf(self.scannerTab), QCoreApplication.translate("SettingsDialog", u"Scanner", None))
        self.tabs.setTabText(self.tabs.indexOf(self.diagnosticsTab), QCoreApplication.translate("SettingsDialog", u"Scan log", None))
        self.settingsError.setText("")
        self.restoreButton.setText(QCoreApplication.translate("SettingsDialog", u"Restore defaults", None))
#if QT_CONFIG(tooltip)
        self.restoreButton.setToolTip(QCoreApplication.translate("SettingsDialog", u"Put every scanner setting back to how the station came", None))
#endif // QT_CONFIG(tooltip)
        self.cancelButton.setText(QCoreApplication.translate("SettingsDialog", u"Cancel", None))
        self.saveButton.setText(QCoreApplication.translate("SettingsDialog", u"Save", None))
    # retranslateUi


"""Accuracy evaluation on public data: loaders, metrics, calibration.

Thresholds and weights are calibrated on training splits only (MRPC train,
ECB+ topics 1-35); figures are reported on the held-out splits (MRPC test,
ECB+ topics 36-45). Nothing here runs during an ordinary comparison.
"""

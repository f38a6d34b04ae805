/**
 * Check-digit algorithms used by the detectors (Luhn, ISO 7064, national schemes), each a small stateless class.
 */
package org.piiscanner.classifiers.checksum;

/** Small dense complex linear algebra for gate matrices and unitaries (no dependencies). */
package io.qserverless.quantum.math;

package org.opencdp.tracking;

import org.opencdp.testsupport.ServiceArchitectureTest;

class TrackingArchitectureTest extends ServiceArchitectureTest {}

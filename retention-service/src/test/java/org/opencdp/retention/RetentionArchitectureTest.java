package org.opencdp.retention;

import org.opencdp.testsupport.ServiceArchitectureTest;

class RetentionArchitectureTest extends ServiceArchitectureTest {}

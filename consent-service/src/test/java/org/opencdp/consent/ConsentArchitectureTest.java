package org.opencdp.consent;

import org.opencdp.testsupport.ServiceArchitectureTest;

class ConsentArchitectureTest extends ServiceArchitectureTest {}

import math
try:
    print('(1+2j)//2', '->', repr((1+2j)//2))
except Exception as x:
    print('(1+2j)//2', '->', type(x).__name__, x)
try:
    print('(1+2j)%2', '->', repr((1+2j)%2))
except Exception as x:
    print('(1+2j)%2', '->', type(x).__name__, x)
try:
    print('divmod(1j,2)', '->', repr(divmod(1j,2)))
except Exception as x:
    print('divmod(1j,2)', '->', type(x).__name__, x)
try:
    print('1j<2', '->', repr(1j<2))
except Exception as x:
    print('1j<2', '->', type(x).__name__, x)
try:
    print('int(1j)', '->', repr(int(1j)))
except Exception as x:
    print('int(1j)', '->', type(x).__name__, x)
try:
    print('float(1j)', '->', repr(float(1j)))
except Exception as x:
    print('float(1j)', '->', type(x).__name__, x)
try:
    print('complex("1",2)', '->', repr(complex("1",2)))
except Exception as x:
    print('complex("1",2)', '->', type(x).__name__, x)
try:
    print('complex(1,"2")', '->', repr(complex(1,"2")))
except Exception as x:
    print('complex(1,"2")', '->', type(x).__name__, x)
try:
    print('complex([])', '->', repr(complex([])))
except Exception as x:
    print('complex([])', '->', type(x).__name__, x)
try:
    print('complex(1,[])', '->', repr(complex(1,[])))
except Exception as x:
    print('complex(1,[])', '->', type(x).__name__, x)
try:
    print('complex("x")', '->', repr(complex("x")))
except Exception as x:
    print('complex("x")', '->', type(x).__name__, x)
try:
    print('1j/0', '->', repr(1j/0))
except Exception as x:
    print('1j/0', '->', type(x).__name__, x)
try:
    print('0j**-1', '->', repr(0j**-1))
except Exception as x:
    print('0j**-1', '->', type(x).__name__, x)
try:
    print('(1e300+1e300j)**5', '->', repr((1e300+1e300j)**5))
except Exception as x:
    print('(1e300+1e300j)**5', '->', type(x).__name__, x)
try:
    print('abs(complex(1e308,1e308))', '->', repr(abs(complex(1e308,1e308))))
except Exception as x:
    print('abs(complex(1e308,1e308))', '->', type(x).__name__, x)
try:
    print('pow(1j,2,3)', '->', repr(pow(1j,2,3)))
except Exception as x:
    print('pow(1j,2,3)', '->', type(x).__name__, x)
try:
    print('round(1j)', '->', repr(round(1j)))
except Exception as x:
    print('round(1j)', '->', type(x).__name__, x)
try:
    print('math.sqrt(1j)', '->', repr(math.sqrt(1j)))
except Exception as x:
    print('math.sqrt(1j)', '->', type(x).__name__, x)
try:
    print('"%f" % 1j', '->', repr("%f" % 1j))
except Exception as x:
    print('"%f" % 1j', '->', type(x).__name__, x)
try:
    print('format(1j,".2f")', '->', repr(format(1j,".2f")))
except Exception as x:
    print('format(1j,".2f")', '->', type(x).__name__, x)
try:
    print('format(1+2j,"")', '->', repr(format(1+2j,"")))
except Exception as x:
    print('format(1+2j,"")', '->', type(x).__name__, x)
try:
    print('format(1.5+2j,"10")', '->', repr(format(1.5+2j,"10")))
except Exception as x:
    print('format(1.5+2j,"10")', '->', type(x).__name__, x)
try:
    print('hash(1+2j)', '->', repr(hash(1+2j)))
except Exception as x:
    print('hash(1+2j)', '->', type(x).__name__, x)
try:
    print('hash(complex(3,0))', '->', repr(hash(complex(3,0))))
except Exception as x:
    print('hash(complex(3,0))', '->', type(x).__name__, x)
try:
    print('(-8)**(1/3)', '->', repr((-8)**(1/3)))
except Exception as x:
    print('(-8)**(1/3)', '->', type(x).__name__, x)
try:
    print('(-1)**0.5', '->', repr((-1)**0.5))
except Exception as x:
    print('(-1)**0.5', '->', type(x).__name__, x)
try:
    print('0.0**-0.5', '->', repr(0.0**-0.5))
except Exception as x:
    print('0.0**-0.5', '->', type(x).__name__, x)
try:
    print('(-2.0)**-1.5', '->', repr((-2.0)**-1.5))
except Exception as x:
    print('(-2.0)**-1.5', '->', type(x).__name__, x)
try:
    print('complex("  (1+2j) ")', '->', repr(complex("  (1+2j) ")))
except Exception as x:
    print('complex("  (1+2j) ")', '->', type(x).__name__, x)
try:
    print('complex("1_0j")', '->', repr(complex("1_0j")))
except Exception as x:
    print('complex("1_0j")', '->', type(x).__name__, x)
try:
    print('complex("-j")', '->', repr(complex("-j")))
except Exception as x:
    print('complex("-j")', '->', type(x).__name__, x)
try:
    print('complex("1e5J")', '->', repr(complex("1e5J")))
except Exception as x:
    print('complex("1e5J")', '->', type(x).__name__, x)
try:
    print('complex("inf-nanj")', '->', repr(complex("inf-nanj")))
except Exception as x:
    print('complex("inf-nanj")', '->', type(x).__name__, x)
try:
    print('complex(1j,1j)', '->', repr(complex(1j,1j)))
except Exception as x:
    print('complex(1j,1j)', '->', type(x).__name__, x)
try:
    print('repr(complex(-0.0,-0.0))', '->', repr(repr(complex(-0.0,-0.0))))
except Exception as x:
    print('repr(complex(-0.0,-0.0))', '->', type(x).__name__, x)
try:
    print('repr(-1j)', '->', repr(repr(-1j)))
except Exception as x:
    print('repr(-1j)', '->', type(x).__name__, x)
try:
    print('-(1j)', '->', repr(-(1j)))
except Exception as x:
    print('-(1j)', '->', type(x).__name__, x)
try:
    print('repr(1e20j)', '->', repr(repr(1e20j)))
except Exception as x:
    print('repr(1e20j)', '->', type(x).__name__, x)
try:
    print('repr(1e16+1.5j)', '->', repr(repr(1e16+1.5j)))
except Exception as x:
    print('repr(1e16+1.5j)', '->', type(x).__name__, x)
try:
    print('repr(complex(1,1e-7))', '->', repr(repr(complex(1,1e-7))))
except Exception as x:
    print('repr(complex(1,1e-7))', '->', type(x).__name__, x)
try:
    print('1j.real', '->', repr(1j.real))
except Exception as x:
    print('1j.real', '->', type(x).__name__, x)
try:
    print('(2+3j).conjugate()', '->', repr((2+3j).conjugate()))
except Exception as x:
    print('(2+3j).conjugate()', '->', type(x).__name__, x)
try:
    print('1j==1j', '->', repr(1j==1j))
except Exception as x:
    print('1j==1j', '->', type(x).__name__, x)
try:
    print('(1+0j)==1', '->', repr((1+0j)==1))
except Exception as x:
    print('(1+0j)==1', '->', type(x).__name__, x)
try:
    print('2**0.5j', '->', repr(2**0.5j))
except Exception as x:
    print('2**0.5j', '->', type(x).__name__, x)
try:
    print('1j**1j', '->', repr(1j**1j))
except Exception as x:
    print('1j**1j', '->', type(x).__name__, x)
try:
    print('bool(0j)', '->', repr(bool(0j)))
except Exception as x:
    print('bool(0j)', '->', type(x).__name__, x)
try:
    print('[1j]*2', '->', repr([1j]*2))
except Exception as x:
    print('[1j]*2', '->', type(x).__name__, x)
try:
    print('sum([1j,2])', '->', repr(sum([1j,2])))
except Exception as x:
    print('sum([1j,2])', '->', type(x).__name__, x)
try:
    print('str(1+2j)', '->', repr(str(1+2j)))
except Exception as x:
    print('str(1+2j)', '->', type(x).__name__, x)
try:
    print('3 == 3+0j', '->', repr(3 == 3+0j))
except Exception as x:
    print('3 == 3+0j', '->', type(x).__name__, x)
try:
    print('1j in {1j}', '->', repr(1j in {1j}))
except Exception as x:
    print('1j in {1j}', '->', type(x).__name__, x)
try:
    print('complex(True)', '->', repr(complex(True)))
except Exception as x:
    print('complex(True)', '->', type(x).__name__, x)
try:
    print('type(1j.real)', '->', repr(type(1j.real)))
except Exception as x:
    print('type(1j.real)', '->', type(x).__name__, x)
try:
    print('abs(3+4j)', '->', repr(abs(3+4j)))
except Exception as x:
    print('abs(3+4j)', '->', type(x).__name__, x)
try:
    print('(1+2j)*(3-4j)', '->', repr((1+2j)*(3-4j)))
except Exception as x:
    print('(1+2j)*(3-4j)', '->', type(x).__name__, x)
try:
    print('(1+2j)/(3-4j)', '->', repr((1+2j)/(3-4j)))
except Exception as x:
    print('(1+2j)/(3-4j)', '->', type(x).__name__, x)
try:
    print('1/(1j)', '->', repr(1/(1j)))
except Exception as x:
    print('1/(1j)', '->', type(x).__name__, x)
try:
    print('(2+0j)**10', '->', repr((2+0j)**10))
except Exception as x:
    print('(2+0j)**10', '->', type(x).__name__, x)
try:
    print('(1+1j)**-3', '->', repr((1+1j)**-3))
except Exception as x:
    print('(1+1j)**-3', '->', type(x).__name__, x)
try:
    print('2j**2.5', '->', repr(2j**2.5))
except Exception as x:
    print('2j**2.5', '->', type(x).__name__, x)
try:
    print('complex("1+2j") == 1+2j', '->', repr(complex("1+2j") == 1+2j))
except Exception as x:
    print('complex("1+2j") == 1+2j', '->', type(x).__name__, x)
try:
    print('hash(complex(1.5, -2.25))', '->', repr(hash(complex(1.5, -2.25))))
except Exception as x:
    print('hash(complex(1.5, -2.25))', '->', type(x).__name__, x)
try:
    print('complex(real=1, imag=2)', '->', repr(complex(real=1, imag=2)))
except Exception as x:
    print('complex(real=1, imag=2)', '->', type(x).__name__, x)
try:
    print('complex(imag=3)', '->', repr(complex(imag=3)))
except Exception as x:
    print('complex(imag=3)', '->', type(x).__name__, x)
try:
    print('complex()', '->', repr(complex()))
except Exception as x:
    print('complex()', '->', type(x).__name__, x)
try:
    print('1j != 1', '->', repr(1j != 1))
except Exception as x:
    print('1j != 1', '->', type(x).__name__, x)
try:
    print('{1j: 2}[1j]', '->', repr({1j: 2}[1j]))
except Exception as x:
    print('{1j: 2}[1j]', '->', type(x).__name__, x)
try:
    print('isinstance(1j, complex)', '->', repr(isinstance(1j, complex)))
except Exception as x:
    print('isinstance(1j, complex)', '->', type(x).__name__, x)
try:
    print('1j == "a"', '->', repr(1j == "a"))
except Exception as x:
    print('1j == "a"', '->', type(x).__name__, x)
try:
    print('1j.imag', '->', repr(1j.imag))
except Exception as x:
    print('1j.imag', '->', type(x).__name__, x)
try:
    print('complex(2**1000)', '->', repr(complex(2**1000)))
except Exception as x:
    print('complex(2**1000)', '->', type(x).__name__, x)
try:
    print('1j * 2**2000', '->', repr(1j * 2**2000))
except Exception as x:
    print('1j * 2**2000', '->', type(x).__name__, x)

# NotImplementedError from an abstract method, raised through a method call chain.
class Base:
    def run(self):
        print("Base.run calling step")
        return self.step()
    def step(self):
        raise NotImplementedError("step() must be overridden")
class Good(Base):
    def step(self):
        return "good step"
print(Good().run())
print(Base().run())
